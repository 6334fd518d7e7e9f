#include "cases/CaseJson.h"

#include <QCoreApplication>

namespace ow::cases {

using namespace ow::catalogue;

namespace {

QString str(const char *key)
{
    return QString::fromLatin1(key);
}

Failure damaged(const QString &what)
{
    return fail(Error::Code::Parse,
        QCoreApplication::translate("ow::cases", "Stored case data is damaged: %1 is not readable.")
            .arg(what));
}

QJsonArray stringArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        list.append(v.toString());
    return list;
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

QString CaseJson::timeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime CaseJson::timeFrom(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.toUTC();
}

QJsonObject CaseJson::answers(const Answers &answers)
{
    QJsonObject given;
    for (const QString &questionId : answers.questionIds()) {
        const Answer *answer = answers.find(questionId);
        switch (answer->type) {
        case Answer::Type::Single:
            given.insert(questionId, answer->option);
            break;
        case Answer::Type::Multi:
            given.insert(questionId, stringArray(answer->options));
            break;
        case Answer::Type::Number:
            given.insert(questionId, answer->number);
            break;
        }
    }
    QJsonObject object {{str("answers"), given}};
    if (!answers.notApplicableIds().isEmpty())
        object.insert(str("notApplicable"), stringArray(answers.notApplicableIds()));
    return object;
}

Result<Answers> CaseJson::answersFrom(const QJsonObject &object)
{
    Answers answers;
    const QJsonObject given = object.value(str("answers")).toObject();
    for (auto it = given.constBegin(); it != given.constEnd(); ++it) {
        const QJsonValue value = it.value();
        if (value.isString())
            answers.set(it.key(), Answer::single(value.toString()));
        else if (value.isArray())
            answers.set(it.key(), Answer::multi(stringList(value)));
        else if (value.isDouble())
            answers.set(it.key(), Answer::numeric(value.toDouble()));
        else
            return damaged(
                QCoreApplication::translate("ow::cases", "the answer to question %1").arg(it.key()));
    }
    for (const QString &questionId : stringList(object.value(str("notApplicable"))))
        answers.setNotApplicable(questionId);
    return answers;
}

QJsonArray CaseJson::checklistSnapshot(const Checklist &checklist)
{
    QJsonArray lines;
    for (const ChecklistLine &line : checklist.lines) {
        QJsonArray points;
        for (const ReviewPoint &point : line.reviewPoints) {
            QJsonObject p {{str("id"), point.id},
                {str("kind"), point.kind == ReviewKind::Form ? str("form") : str("content")},
                {str("text"), point.text}};
            if (!point.matterCode.isEmpty())
                p.insert(str("matter"), point.matterCode);
            points.append(p);
        }
        QStringList reasons;
        for (const Reason &reason : line.reasons)
            reasons.append(reason.toString());
        lines.append(QJsonObject {
            {str("material"), line.materialId},
            {str("name"), line.name},
            {str("category"), keyword(line.category, kCategoryKeywords)},
            {str("source"), line.source},
            {str("form"), keyword(line.form, kMaterialFormKeywords)},
            {str("copies"), line.copies},
            {str("medium"), keyword(line.medium, kMediumKeywords)},
            {str("dataShared"), line.dataShared},
            {str("waivable"), line.waivable},
            {str("reviewPoints"), points},
            {str("notes"), stringArray(line.notes)},
            {str("reasons"), stringArray(reasons)},
            {str("matters"), stringArray(line.matterCodes)},
            {str("matterNames"), stringArray(line.matterNames)},
        });
    }
    return lines;
}

QJsonArray CaseJson::materialChecks(const QList<MaterialCheck> &checks)
{
    QJsonArray array;
    for (const MaterialCheck &check : checks) {
        QJsonArray failed;
        for (const FailedPoint &point : check.failedPoints)
            failed.append(QJsonObject {{str("point"), point.pointId}, {str("reason"), point.reason}});
        QJsonObject object {
            {str("material"), check.materialId},
            {str("status"), keyword(check.status)},
            {str("originalSeen"), check.originalSeen},
            {str("copyKept"), check.copyKept},
            {str("copies"), check.copies},
            {str("ticked"), stringArray(check.pointsTicked)},
            {str("failed"), failed},
        };
        if (check.supplementDeadline.isValid())
            object.insert(str("supplementDeadline"), dateText(check.supplementDeadline));
        if (!check.note.isEmpty())
            object.insert(str("note"), check.note);
        if (check.shared.isFetched())
            object.insert(str("shared"),
                QJsonObject {{str("source"), check.shared.source},
                    {str("fetchedAt"), timeText(check.shared.fetchedAt)},
                    {str("reference"), check.shared.reference}});
        if (!check.shared.paperReason.isEmpty())
            object.insert(str("paperReason"), check.shared.paperReason);
        array.append(object);
    }
    return array;
}

Result<QList<MaterialCheck>> CaseJson::materialChecksFrom(const QJsonArray &array)
{
    QList<MaterialCheck> checks;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        MaterialCheck check;
        check.materialId = object.value(str("material")).toString();
        const std::optional<MaterialCheck::Status> status
            = materialStatusFromKeyword(object.value(str("status")).toString());
        if (check.materialId.isEmpty() || !status)
            return damaged(QCoreApplication::translate("ow::cases", "a material check"));
        check.status = *status;
        check.originalSeen = object.value(str("originalSeen")).toBool();
        check.copyKept = object.value(str("copyKept")).toBool();
        check.copies = object.value(str("copies")).toInt();
        check.supplementDeadline
            = QDate::fromString(object.value(str("supplementDeadline")).toString(), Qt::ISODate);
        check.pointsTicked = stringList(object.value(str("ticked")));
        const QJsonArray failed = object.value(str("failed")).toArray();
        for (const QJsonValue &f : failed)
            check.failedPoints.append(
                {f.toObject().value(str("point")).toString(), f.toObject().value(str("reason")).toString()});
        check.note = object.value(str("note")).toString();
        const QJsonObject shared = object.value(str("shared")).toObject();
        check.shared.source = shared.value(str("source")).toString();
        check.shared.fetchedAt = timeFrom(shared.value(str("fetchedAt")).toString());
        check.shared.reference = shared.value(str("reference")).toString();
        check.shared.paperReason = object.value(str("paperReason")).toString();
        checks.append(check);
    }
    return checks;
}

QJsonObject CaseJson::attachment(const CaseAttachment &a)
{
    return QJsonObject {{str("sha256"), a.sha256}, {str("material"), a.materialId},
        {str("fileName"), a.fileName}, {str("mimeType"), a.mimeType}, {str("size"), double(a.size)},
        {str("added"), timeText(a.added)}};
}

Result<CaseAttachment> CaseJson::attachmentFrom(const QJsonObject &o)
{
    CaseAttachment a;
    a.sha256 = o.value(str("sha256")).toString();
    if (a.sha256.size() != 64)
        return damaged(QCoreApplication::translate("ow::cases", "an attachment"));
    a.materialId = o.value(str("material")).toString();
    a.fileName = o.value(str("fileName")).toString();
    a.mimeType = o.value(str("mimeType")).toString();
    a.size = qint64(o.value(str("size")).toDouble());
    a.added = timeFrom(o.value(str("added")).toString());
    return a;
}

QJsonObject CaseJson::event(const CaseEvent &e)
{
    return QJsonObject {{str("id"), e.id}, {str("sequence"), double(e.sequence)}, {str("case"), e.caseNumber},
        {str("kind"), keyword(e.kind)}, {str("time"), timeText(e.time)}, {str("clerk"), e.clerk},
        {str("counter"), e.counter}, {str("payload"), e.payload}};
}

Result<CaseEvent> CaseJson::eventFrom(const QJsonObject &o)
{
    CaseEvent e;
    const std::optional<EventKind> kind = eventKindFromKeyword(o.value(str("kind")).toString());
    if (!kind)
        return damaged(QCoreApplication::translate("ow::cases", "the kind of an event"));
    e.kind = *kind;
    e.id = o.value(str("id")).toString();
    e.sequence = qint64(o.value(str("sequence")).toDouble());
    e.caseNumber = o.value(str("case")).toString();
    e.time = timeFrom(o.value(str("time")).toString());
    e.clerk = o.value(str("clerk")).toString();
    e.counter = o.value(str("counter")).toString();
    e.payload = o.value(str("payload")).toObject();
    return e;
}

QJsonObject CaseJson::caseObject(const Case &c, Privacy privacy)
{
    QJsonArray attachments;
    for (const CaseAttachment &a : c.attachments) {
        QJsonObject object = attachment(a);
        // Scanners and clerks name files after people ("张三身份证.jpg").
        if (privacy == Privacy::Masked)
            object.remove(str("fileName"));
        attachments.append(object);
    }
    QJsonObject object {
        {str("number"), c.number},
        {str("matter"),
            QJsonObject {{str("code"), c.matterCode}, {str("name"), c.matterName},
                {str("department"), c.departmentId}, {str("departmentName"), c.departmentName}}},
        {str("caseType"), keyword(c.caseType, kMatterKindKeywords)},
        {str("promisedDays"), c.promisedDays},
        {str("quantity"), c.quantity},
        {str("catalogue"), QJsonObject {{str("id"), c.catalogueId}, {str("version"), c.catalogueVersion}}},
        {str("answers"), answers(c.answers)},
        {str("situation"), c.situationKey},
        {str("checklist"), c.checklist},
        {str("applicant"), privacy == Privacy::Full ? c.applicant.toJson() : c.applicant.toMaskedJson()},
        {str("materialChecks"), materialChecks(c.materialChecks)},
        {str("attachments"), attachments},
        {str("firstHandler"), c.firstHandler},
        {str("counter"), c.counter},
        {str("hall"), c.hall},
        {str("promisedDeadline"), dateText(c.promisedDeadline)},
        {str("calendarVersion"), c.calendarVersion},
        {str("state"), keyword(c.state)},
        {str("created"), timeText(c.created)},
        {str("updated"), timeText(c.updated)},
    };
    // Only a case called from the queue has one; cases without stay as they were written before.
    if (!c.ticket.isEmpty())
        object.insert(str("ticket"), c.ticket);
    // The QR token is a bearer secret for the public status page: never in masked output.
    if (privacy == Privacy::Full)
        object.insert(str("qrToken"), c.qrToken);
    return object;
}

Result<Case> CaseJson::caseFrom(const QJsonObject &o)
{
    Case c;
    c.number = o.value(str("number")).toString();
    c.qrToken = o.value(str("qrToken")).toString();
    const QJsonObject matter = o.value(str("matter")).toObject();
    c.matterCode = matter.value(str("code")).toString();
    c.matterName = matter.value(str("name")).toString();
    c.departmentId = matter.value(str("department")).toString();
    c.departmentName = matter.value(str("departmentName")).toString();
    c.caseType = o.value(str("caseType")).toString() == kMatterKindKeywords[int(MatterKind::Immediate)]
        ? MatterKind::Immediate
        : MatterKind::Promised;
    c.promisedDays = o.value(str("promisedDays")).toInt();
    c.quantity = o.value(str("quantity")).toInt(1);
    const QJsonObject catalogue = o.value(str("catalogue")).toObject();
    c.catalogueId = catalogue.value(str("id")).toString();
    c.catalogueVersion = catalogue.value(str("version")).toString();
    Result<Answers> given = answersFrom(o.value(str("answers")).toObject());
    if (!given)
        return failWith(given.error());
    c.answers = *given;
    c.situationKey = o.value(str("situation")).toString();
    c.checklist = o.value(str("checklist")).toArray();
    const std::optional<Applicant> applicant = Applicant::fromJson(o.value(str("applicant")).toObject());
    if (!applicant)
        return damaged(QCoreApplication::translate("ow::cases", "the applicant"));
    c.applicant = *applicant;
    Result<QList<MaterialCheck>> checks = materialChecksFrom(o.value(str("materialChecks")).toArray());
    if (!checks)
        return failWith(checks.error());
    c.materialChecks = *checks;
    const QJsonArray attachments = o.value(str("attachments")).toArray();
    for (const QJsonValue &value : attachments) {
        Result<CaseAttachment> a = attachmentFrom(value.toObject());
        if (!a)
            return failWith(a.error());
        c.attachments.append(*a);
    }
    c.firstHandler = o.value(str("firstHandler")).toString();
    c.counter = o.value(str("counter")).toString();
    c.hall = o.value(str("hall")).toString();
    c.ticket = o.value(str("ticket")).toString();
    c.promisedDeadline = QDate::fromString(o.value(str("promisedDeadline")).toString(), Qt::ISODate);
    c.calendarVersion = o.value(str("calendarVersion")).toString();
    const std::optional<CaseState> state = caseStateFromKeyword(o.value(str("state")).toString());
    if (!state)
        return damaged(QCoreApplication::translate("ow::cases", "the state"));
    c.state = *state;
    c.created = timeFrom(o.value(str("created")).toString());
    c.updated = timeFrom(o.value(str("updated")).toString());
    return c;
}

} // namespace ow::cases
