#include "MatterText.h"

using namespace Qt::StringLiterals;

namespace ow::synthgen {

namespace {

void renderRequirement(QString &out, const GenRequirement &r, const QList<GenQuestion> &questions)
{
    out += u"  require %1\n"_s.arg(r.materialId);
    if (r.when)
        out += u"    when: %1\n"_s.arg(SituationSpace::toText(*r.when, questions));
    if (!r.form.isEmpty())
        out += u"    form: %1\n"_s.arg(r.form);
    if (r.copies > 0)
        out += u"    copies: %1\n"_s.arg(r.copies);
    if (r.waivable >= 0)
        out += u"    waivable: %1\n"_s.arg(r.waivable ? u"yes"_s : u"no"_s);
    if (!r.note.isEmpty())
        out += u"    note: %1\n"_s.arg(r.note);
    for (const GenReviewPoint &p : r.extraPoints)
        out += u"    %1 %2: %3\n"_s.arg(p.content ? u"content-point"_s : u"form-point"_s, p.id, p.text);
}

void renderQuestion(QString &out, const GenQuestion &q, const QList<GenQuestion> &questions)
{
    out += u"  question %1: %2\n"_s.arg(q.id, q.text);
    if (q.type == QuestionKind::Type::Multi)
        out += u"    type: multi\n"_s;
    else if (q.type == QuestionKind::Type::Number)
        out += u"    type: number\n"_s;
    if (!q.hint.isEmpty())
        out += u"    hint: %1\n"_s.arg(q.hint);
    if (q.when)
        out += u"    when: %1\n"_s.arg(SituationSpace::toText(*q.when, questions));
    if (q.type == QuestionKind::Type::Number) {
        out += u"    unit: %1\n"_s.arg(q.unit);
        out += u"    min: 0\n"_s;
    }
    for (const GenOption &o : q.options) {
        out += u"    option %1: %2\n"_s.arg(o.id, o.label);
        if (o.when)
            out += u"      when: %1\n"_s.arg(SituationSpace::toText(*o.when, questions));
        if (!o.materialIds.isEmpty())
            out += u"      materials: %1\n"_s.arg(o.materialIds.join(u", "_s));
    }
}

} // namespace

QString MatterText::render(const MatterDraft &d)
{
    QString out;
    out += u"matter %1: %2\n"_s.arg(d.plan.code, d.plan.name);
    out += u"  department: %1\n"_s.arg(d.departmentId);
    out += u"  kind: %1\n"_s.arg(d.immediate ? u"immediate"_s : u"promised"_s);
    if (!d.immediate)
        out += u"  promised-days: %1\n"_s.arg(d.promisedDays);
    if (d.legalDays > 0)
        out += u"  legal-days: %1\n"_s.arg(d.legalDays);
    out += u"  frequency: %1\n"_s.arg(d.plan.frequency);
    if (!d.keywords.isEmpty())
        out += u"  keywords: %1\n"_s.arg(d.keywords.join(d.keywordSeparator));
    if (!d.plan.mainCode.isEmpty())
        out += u"  main: %1\n"_s.arg(d.plan.mainCode);
    out += u"  basis: %1\n"_s.arg(d.basis);

    // Basic materials first, so the checklist opens with what every situation needs.
    if (!d.basics.isEmpty())
        out += u'\n';
    for (const GenRequirement &r : d.basics)
        renderRequirement(out, r, d.questions);
    for (const GenQuestion &q : d.questions) {
        out += u'\n';
        renderQuestion(out, q, d.questions);
    }
    if (!d.conditional.isEmpty())
        out += u'\n';
    for (const GenRequirement &r : d.conditional)
        renderRequirement(out, r, d.questions);
    return out;
}

} // namespace ow::synthgen
