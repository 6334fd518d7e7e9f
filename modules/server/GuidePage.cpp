#include "server/GuidePage.h"

#include "catalogue/ChecklistBuilder.h"
#include "catalogue/GuideCode.h"
#include "server/GuideChecklist.h"
#include "server/GuideHtml.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>
#include <optional>

namespace ow::server {

using namespace ow::catalogue;
using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxHits = 20;

QString esc(const QString &text)
{
    return GuideHtml::escape(text);
}

QString backToSearch()
{
    return u"<nav><a href=\"/guide/\">"_s
        + esc(QCoreApplication::translate("ow::server", "Find another matter")) + u"</a></nav>\n"_s;
}

QString hitItem(const GuideCatalogue::Loaded &loaded, const Matter &matter)
{
    QString item = u"<li><a href=\""_s + esc(GuidePage::matterUrl(matter.code, {})) + u"\">"_s
        + esc(matter.name) + u"</a>"_s;
    if (const Department *department = loaded.catalogue->department(matter.departmentId))
        item += u" <span class=\"muted\">"_s + esc(department->name) + u"</span>"_s;
    return item + u"</li>\n"_s;
}

QString hiddenAnswers(const QStringList &answers)
{
    QString out;
    for (const QString &answer : answers)
        out += u"<input type=\"hidden\" name=\"a\" value=\""_s + esc(answer) + u"\">\n"_s;
    return out;
}

QString questionForm(const Evaluation &evaluation, const Matter &matter, const QStringList &given)
{
    const Question &question = *evaluation.nextQuestion;
    QString form = u"<form method=\"get\" action=\""_s + esc(GuidePage::matterUrl(matter.code, {}))
        + u"\">\n"_s + hiddenAnswers(given) + u"<fieldset>\n<legend>"_s + esc(question.text)
        + u"</legend>\n"_s;
    if (!question.hint.isEmpty())
        form += u"<p class=\"muted\">"_s + esc(question.hint) + u"</p>\n"_s;
    switch (question.type) {
    case QuestionType::Single:
        for (const QString &optionId : evaluation.offeredOptions.value(question.id))
            form += u"<label class=\"opt\"><input type=\"radio\" name=\"a\" required value=\""_s
                + esc(question.id + u'=' + optionId) + u"\">"_s + esc(question.findOption(optionId)->label)
                + u"</label>\n"_s;
        break;
    case QuestionType::Multi:
        form += u"<input type=\"hidden\" name=\"mq\" value=\""_s + esc(question.id) + u"\">\n"_s
            + u"<p class=\"muted\">"_s
            + esc(QCoreApplication::translate(
                "ow::server", "Tick every one that applies; tick none if none does."))
            + u"</p>\n"_s;
        for (const QString &optionId : evaluation.offeredOptions.value(question.id))
            form += u"<label class=\"opt\"><input type=\"checkbox\" name=\"m\" value=\""_s + esc(optionId)
                + u"\">"_s + esc(question.findOption(optionId)->label) + u"</label>\n"_s;
        break;
    case QuestionType::Number:
        form += u"<input type=\"hidden\" name=\"nq\" value=\""_s + esc(question.id) + u"\">\n"_s
            + u"<label for=\"n\">"_s
            + esc(question.unit.isEmpty()
                    ? QCoreApplication::translate("ow::server", "A number")
                    : QCoreApplication::translate("ow::server", "A number, in %1").arg(question.unit))
            + u"</label>\n<input type=\"text\" id=\"n\" name=\"n\" inputmode=\"decimal\" required "
              "autocomplete=\"off\">\n"_s;
        break;
    }
    return form + u"</fieldset>\n<button type=\"submit\">"_s
        + esc(QCoreApplication::translate("ow::server", "Next")) + u"</button>\n</form>\n"_s;
}

QString answeredList(const Evaluation &evaluation, const Matter &matter)
{
    QStringList before;
    QString list;
    for (const Question *question : evaluation.visibleQuestions) {
        const Answer *answer = evaluation.effectiveAnswers.find(question->id);
        if (!answer)
            continue;
        // "Change" goes back to this question with only the answers before it.
        list += u"<li>"_s + esc(question->text) + u"<br><b>"_s
            + esc(ChecklistBuilder::answerLabel(*question, *answer)) + u"</b> <a class=\"noprint\" href=\""_s
            + esc(GuidePage::matterUrl(matter.code, before)) + u"\" aria-label=\""_s
            + esc(QCoreApplication::translate("ow::server", "Change the answer to: %1").arg(question->text))
            + u"\">"_s + esc(QCoreApplication::translate("ow::server", "Change")) + u"</a></li>\n"_s;
        before.append(question->id + u'=' + answer->toText());
    }
    if (list.isEmpty())
        return {};
    return u"<h2 id=\"answers\">"_s + esc(QCoreApplication::translate("ow::server", "Your situation"))
        + u"</h2>\n<ol class=\"answers\">\n"_s + list + u"</ol>\n"_s;
}

/// A screening outcome in place of the checklist: the applicant needs no such matter, or another one,
/// which the link opens with the answers the two share.
QString outcomeSection(
    const GuideCatalogue::Loaded &loaded, const Matter &matter, const Evaluation &evaluation)
{
    const ScreeningOutcome &outcome = *evaluation.outcome;
    const Matter *target
        = outcome.kind == OutcomeKind::Refer ? loaded.catalogue->matter(outcome.targetCode) : nullptr;
    QString out = u"<h2 id=\"outcome\">"_s;
    if (outcome.kind == OutcomeKind::NotRequired)
        out += esc(QCoreApplication::translate("ow::server", "You need not apply for this matter"));
    else
        out += esc(QCoreApplication::translate("ow::server", "Apply for %1 instead")
                       .arg(target ? target->name : outcome.targetCode));
    out += u"</h2>\n<p>"_s + esc(outcome.reason) + u"</p>\n"_s;
    if (target) {
        const Answers shared = SituationEngine::sharedAnswers(matter, evaluation.effectiveAnswers, *target);
        out += u"<p><a href=\""_s
            + esc(GuidePage::matterUrl(target->code, GuideCode::answerTexts(*target, shared))) + u"\">"_s
            + esc(
                QCoreApplication::translate("ow::server", "Go on to %1 with your answers").arg(target->name))
            + u"</a></p>\n"_s;
    }
    return out;
}

QString comparison(Condition::Op op)
{
    switch (op) {
    case Condition::Op::Less:
        return u"<"_s;
    case Condition::Op::LessEqual:
        return u"≤"_s;
    case Condition::Op::Greater:
        return u">"_s;
    case Condition::Op::GreaterEqual:
        return u"≥"_s;
    case Condition::Op::NotEqual:
        return u"≠"_s;
    case Condition::Op::Equal:
        break;
    }
    return u"="_s;
}

/// A faq's condition as the applicant reads it: each question with the answers it applies to. Only
/// what reads plainly is said (answers chosen, number ranges, joined by "and"); nullopt otherwise.
std::optional<QString> conditionInWords(const Condition &condition, const Matter &matter)
{
    if (condition.kind == Condition::Kind::And) {
        QStringList parts;
        for (const ConditionPtr &operand : condition.operands) {
            const std::optional<QString> part = operand ? conditionInWords(*operand, matter) : std::nullopt;
            if (!part)
                return std::nullopt;
            parts.append(*part);
        }
        return parts.join(
            QCoreApplication::translate("ow::server", "; ", "between the parts of a situation"));
    }
    const Question *question = matter.findQuestion(condition.questionId);
    if (!question)
        return std::nullopt;
    QString answers;
    switch (condition.kind) {
    case Condition::Kind::Equals:
    case Condition::Kind::In:
    case Condition::Kind::Has:
    case Condition::Kind::HasAny: {
        if (question->type == QuestionType::Number)
            return std::nullopt;
        QStringList labels;
        for (const QString &optionId : condition.optionIds) {
            const Option *option = question->findOption(optionId);
            if (!option)
                return std::nullopt;
            labels.append(option->label);
        }
        answers = labels.join(
            QCoreApplication::translate("ow::server", " or ", "between answers a faq applies to"));
        break;
    }
    case Condition::Kind::Compare:
        answers = comparison(condition.op) + u' ' + QString::number(condition.number);
        if (!question->unit.isEmpty())
            answers += u' ' + question->unit;
        break;
    default:
        return std::nullopt;
    }
    return QCoreApplication::translate("ow::server", "%1 %2", "a question and the answers a faq applies to")
        .arg(question->text, answers);
}

/// Every faq of the matter, whatever the answers: an applicant reads them before coming, and each
/// says which situation it is about where that can be said in words.
QString faqSection(const Matter &matter)
{
    if (matter.faqs.isEmpty())
        return {};
    QString out = u"<section class=\"noprint faq\" aria-labelledby=\"faq\">\n<h2 id=\"faq\">"_s
        + esc(QCoreApplication::translate("ow::server", "Frequently asked questions")) + u"</h2>\n"_s;
    for (const Faq &faq : matter.faqs) {
        out += u"<details>\n<summary>"_s + esc(faq.question) + u"</summary>\n<p>"_s + esc(faq.answer)
            + u"</p>\n"_s;
        if (faq.when)
            if (const std::optional<QString> words = conditionInWords(*faq.when, matter))
                out += u"<p class=\"muted\">"_s
                    + esc(QCoreApplication::translate("ow::server", "Applies when: %1").arg(*words))
                    + u"</p>\n"_s;
        out += u"</details>\n"_s;
    }
    return out + u"</section>\n"_s;
}

} // namespace

QString GuidePage::matterUrl(const QString &code, const QStringList &answers)
{
    QString url = u"/guide/m/"_s + QString::fromLatin1(QUrl::toPercentEncoding(code));
    if (answers.isEmpty())
        return url;
    QStringList items;
    for (const QString &answer : answers)
        items.append(u"a="_s + QString::fromLatin1(QUrl::toPercentEncoding(answer)));
    return url + u'?' + items.join(u'&');
}

QByteArray GuidePage::search(const GuideCatalogue::Loaded *loaded, const QString &query)
{
    const QString title = QCoreApplication::translate("ow::server", "Materials checklist: find your matter");
    QString body = u"<h1>"_s + esc(title) + u"</h1>\n<p>"_s
        + esc(QCoreApplication::translate("ow::server",
            "Answer a few questions about your situation and get the exact list of materials to bring, "
            "the same list the service hall's counter uses."))
        + u"</p>\n"_s;
    if (!loaded) {
        body += u"<p class=\"none\">"_s
            + esc(QCoreApplication::translate(
                "ow::server", "The service hall has not published its catalogue yet."))
            + u"</p>\n"_s;
        return GuideHtml::page(title, body);
    }
    body += u"<form method=\"get\" action=\"/guide/\" role=\"search\">\n<label for=\"q\">"_s
        + esc(QCoreApplication::translate("ow::server", "Name of the matter, a keyword or pinyin initials"))
        + u"</label>\n"_s + u"<input type=\"search\" id=\"q\" name=\"q\" maxlength=\"64\" value=\""_s
        + esc(query) + u"\">\n"_s + u"<button type=\"submit\">"_s
        + esc(QCoreApplication::translate("ow::server", "Search")) + u"</button>\n</form>\n"_s;
    QString items;
    int count = 0;
    if (!query.isEmpty()) {
        for (const SearchHit &hit : loaded->search.search(query, kMaxHits))
            if (hit.matter) {
                items += hitItem(*loaded, *hit.matter);
                ++count;
            }
        body += u"<h2>"_s + esc(QCoreApplication::translate("ow::server", "Matters found: %1").arg(count))
            + u"</h2>\n"_s;
        if (count == 0)
            body += u"<p class=\"none\">"_s
                + esc(QCoreApplication::translate("ow::server",
                    "Nothing matches. Try fewer characters, or the pinyin initials (for example ggcs)."))
                + u"</p>\n"_s;
    } else {
        for (const Matter &matter : loaded->catalogue->matters)
            if (matter.frequency == FrequencyClass::High && count < kMaxHits) {
                items += hitItem(*loaded, matter);
                ++count;
            }
        if (count > 0)
            body += u"<h2>"_s + esc(QCoreApplication::translate("ow::server", "Frequently handled matters"))
                + u"</h2>\n"_s;
    }
    if (!items.isEmpty())
        body += u"<ul class=\"hits\">\n"_s + items + u"</ul>\n"_s;
    return GuideHtml::page(title, body);
}

QByteArray GuidePage::matter(const GuideCatalogue::Loaded &loaded, const Matter &matter,
    const Answers &answers, const QStringList &ignored, bool offerPreApplication)
{
    const Evaluation evaluation = loaded.engine.evaluate(matter, answers);
    const QStringList given = GuideCode::answerTexts(matter, evaluation.effectiveAnswers);
    QString body = backToSearch() + u"<h1>"_s + esc(matter.name) + u"</h1>\n"_s;
    QStringList facts;
    if (const Department *department = loaded.catalogue->department(matter.departmentId))
        facts.append(department->name);
    if (matter.promisedDays > 0)
        facts.append(QCoreApplication::translate("ow::server", "decided within %1 working days")
                         .arg(matter.promisedDays));
    else if (matter.kind == MatterKind::Immediate)
        facts.append(QCoreApplication::translate("ow::server", "decided on the spot"));
    if (!facts.isEmpty())
        body += u"<p class=\"muted\">"_s + esc(facts.join(u" · "_s)) + u"</p>\n"_s;
    if (!ignored.isEmpty())
        body += u"<p class=\"none\">"_s
            + esc(QCoreApplication::translate("ow::server",
                "Some answers of this link no longer fit the catalogue and were left out; please answer "
                "again."))
            + u"</p>\n"_s;
    body += answeredList(evaluation, matter);
    if (evaluation.outcome)
        body += outcomeSection(loaded, matter, evaluation);
    else if (!evaluation.complete && evaluation.nextQuestion)
        body += questionForm(evaluation, matter, given);
    else
        body += GuideChecklist::render(loaded, matter, evaluation, given);
    body += faqSection(matter);
    if (offerPreApplication && evaluation.complete && !evaluation.outcome)
        body += u"<section class=\"noprint\" aria-labelledby=\"pa\">\n<h2 id=\"pa\">"_s
            + esc(QCoreApplication::translate("ow::server", "Apply online")) + u"</h2>\n<p>"_s
            + esc(QCoreApplication::translate("ow::server",
                "Fill in the application form and upload scans of your materials now; at the counter the "
                "clerk then only checks the originals."))
            + u"</p>\n<p><a href=\""_s
            + esc(u"/guide/pa/new/"_s + matterUrl(matter.code, given).mid(QStringLiteral("/guide/m/").size()))
            + u"\">"_s + esc(QCoreApplication::translate("ow::server", "Pre-apply online (网上预申报)"))
            + u"</a></p>\n</section>\n"_s;
    return GuideHtml::page(matter.name, body);
}

QByteArray GuidePage::notFound()
{
    const QString title = QCoreApplication::translate("ow::server", "Not found");
    return GuideHtml::page(title,
        backToSearch() + u"<h1>"_s + esc(title) + u"</h1>\n<p class=\"none\">"_s
            + esc(QCoreApplication::translate(
                "ow::server", "There is no such matter in the service hall's current catalogue."))
            + u"</p>\n"_s);
}

} // namespace ow::server
