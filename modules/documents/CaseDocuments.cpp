#include "documents/CaseDocuments.h"

#include "cases/CaseNumber.h"
#include "core/Masking.h"
#include "documents/ChecklistSheet.h"
#include "documents/MaterialRow.h"
#include "documents/SupplementReceipt.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::documents {

namespace {

using cases::Case;
using cases::MaterialCheck;

QStringList texts(const QJsonValue &value)
{
    QStringList list;
    if (value.isString() && !value.toString().trimmed().isEmpty())
        list.append(value.toString().trimmed());
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        if (!item.toString().trimmed().isEmpty())
            list.append(item.toString().trimmed());
    return list;
}

Failure cannotIssue(const QString &message)
{
    return fail(Error::Code::Invalid, message);
}

/// Says things in the wording of one document section, with the shared wording at hand.
class Writer
{
public:
    Writer(const Case &c, const DocumentContext &context, QStringView section)
        : m_case(c)
        , m_context(context)
        , m_section(section)
        , m_rows(MaterialRow::fromSnapshot(c.checklist))
    {
    }

    QString say(QStringView key) const { return m_context.text(m_section, key); }
    QString common(QStringView key) const { return m_context.text(u"common", key); }
    const DocumentContext &context() const { return m_context; }
    const QList<MaterialRow> &rows() const { return m_rows; }

    /// In a bundle, the line under a material that says which of its matters it serves.
    QStringList serves(const MaterialRow *row) const
    {
        return MaterialRow::servesLine(row, m_rows, common(u"serves"));
    }

    QString materialName(const QString &materialId) const
    {
        const MaterialRow *row = MaterialRow::find(m_rows, materialId);
        return row ? row->name : materialId;
    }

    /// Title, hall heading, case number, the addressee and the opening paragraph.
    Document begin(DocumentKind kind) const
    {
        Document document = m_context.start(kind, say(u"title"));
        const Result<cases::CaseNumber> number = cases::CaseNumber::parse(m_case.number);
        document.caseNumber = number ? number->toDisplayString() : m_case.number;
        if (!m_case.qrToken.isEmpty())
            document.caseLink = m_context.settings().caseLink(m_case.qrToken);
        m_context.addHeading(document);
        m_context.addCaseNumber(document);
        document.add(ParagraphBlock {common(u"addressee").arg(m_case.applicant.name), TextStyle::Body, false},
            Document::Where::SheetOnly);
        document.add(
            ParagraphBlock {say(u"body").arg(submitted(), m_case.matterName)}, Document::Where::SheetOnly);
        return document;
    }

    QString submitted() const { return m_context.date(m_case.created.toLocalTime().date()); }

    QString counter() const { return m_context.counter().isEmpty() ? m_case.counter : m_context.counter(); }

    /// The applicant as the grid shows them: ID numbers, phones and contact people masked
    /// (Masking); an organisation's name and credit code are public registers and stay.
    QList<Field> applicantFields() const
    {
        const cases::Applicant &a = m_case.applicant;
        QString phone = a.contactMobile.isEmpty() ? a.contactPhone : a.contactMobile;
        phone = phone.isEmpty() ? common(u"not-given") : Masking::phone(phone);
        if (!a.isOrganisation())
            return {{common(u"label.applicant"), a.name},
                {common(u"label.id-number"), Masking::idNumber(a.idNumber)},
                {common(u"label.mobile"), phone}};
        QList<Field> fields {{common(u"label.applicant-org"), a.name, true},
            {common(u"label.credit-code"), a.idNumber},
            {common(u"label.legal-representative"), a.legalRepresentative}};
        fields.append({common(u"label.contact"),
            a.contactName.isEmpty() ? common(u"not-given") : Masking::name(a.contactName)});
        fields.append({common(u"label.mobile"), phone});
        return fields;
    }

    /// Matter, department, counter, applicant, clerk and time of submission; the grid pairs them.
    QList<Field> caseFields() const
    {
        QList<Field> fields {{common(u"label.matter"), m_case.matterName, true},
            {common(u"label.department"), m_case.departmentName}, {common(u"label.counter"), counter()}};
        fields += applicantFields();
        fields.append({common(u"label.first-handler"), m_context.clerk()});
        fields.append({common(u"label.submitted"), m_context.time(m_case.created)});
        return fields;
    }

    /// The promised time and date, or an error when an accepted promised case has no deadline.
    Result<QList<Field>> deadlineFields() const
    {
        if (m_case.caseType == catalogue::MatterKind::Immediate)
            return QList<Field> {{common(u"label.promised"), m_context.kindName(m_case.caseType)},
                {common(u"label.deadline"), common(u"immediate")}};
        if (!m_case.promisedDeadline.isValid())
            return cannotIssue(QCoreApplication::translate(
                "ow::documents", "The case %1 has no promised deadline; it is set when the case is accepted.")
                                   .arg(m_case.number));
        return QList<Field> {{common(u"label.promised"), m_context.workingDays(m_case.promisedDays)},
            {common(u"label.deadline"), m_context.date(m_case.promisedDeadline)}};
    }

    QString promise() const
    {
        if (m_case.caseType == catalogue::MatterKind::Immediate)
            return m_context.text(u"receipt", u"immediate");
        return say(u"promise").arg(m_case.promisedDays).arg(m_context.date(m_case.promisedDeadline));
    }

    QString delivery() const
    {
        const cases::Applicant &a = m_case.applicant;
        if (!a.deliverByPost)
            return common(u"delivery.pickup").arg(m_context.text(u"hall", u"pickup"));
        return common(u"delivery.post")
            .arg(postAddress(), Masking::name(a.recipientName), Masking::phone(a.recipientMobile));
    }

    QString postAddress() const
    {
        const cases::Applicant &a = m_case.applicant;
        const QString address
            = a.recipientProvince + a.recipientCity + a.recipientDistrict + a.recipientAddress;
        return Masking::address(address);
    }

    /// The materials the counter holds for the case: received, fetched by data sharing, supplied later.
    TableBlock receivedTable() const
    {
        TableBlock table;
        table.columns = {
            {common(u"column.index"), 0.8, true, TableColumn::Compact::Prefix},
            {common(u"column.material"), 4.6, false, TableColumn::Compact::Title},
            {common(u"column.form"), 2.3, true, TableColumn::Compact::Hidden},
            {common(u"column.copies"), 0.8, true, TableColumn::Compact::Inline},
            {common(u"column.status"), 1.6, true, TableColumn::Compact::Inline},
        };
        int index = 0;
        for (const MaterialRow &row : m_rows) {
            const MaterialCheck *check = m_case.findCheck(row.materialId);
            QString status;
            if (check && check->status == MaterialCheck::Status::Received)
                status = common(u"status.received");
            else if ((check && check->status == MaterialCheck::Status::DataShared)
                || (!check && row.dataShared))
                status = common(u"status.data-shared");
            else if (check && check->status == MaterialCheck::Status::Supplemented)
                status = common(u"status.supplemented");
            else
                continue;
            const bool shared = status == common(u"status.data-shared");
            const int copies = check && check->copies > 0 ? check->copies : row.copies;
            table.rows.append({TableCell {QString::number(++index), {}}, TableCell {row.name, serves(&row)},
                TableCell {shared ? common(u"form.data-shared") : m_context.formName(row.form), {}},
                TableCell {shared ? QString() : m_context.copies(copies), {}}, TableCell {status, {}}});
        }
        return table;
    }

    /// "请提交原件1份" for a material that was not handed in.
    QString provide(const MaterialRow *row) const
    {
        if (!row)
            return {};
        return say(u"provide").arg(m_context.formName(row->form), m_context.copies(row->copies));
    }

    void signLines(Document &document) const
    {
        document.add(
            SignLinesBlock {{common(u"sign.applicant"), common(u"sign.date")}}, Document::Where::SheetOnly);
    }

private:
    const Case &m_case;
    const DocumentContext &m_context;
    QStringView m_section;
    QList<MaterialRow> m_rows;
};

} // namespace

DecisionDetails DecisionDetails::fromPayload(const QJsonObject &payload)
{
    DecisionDetails details;
    details.reasons = texts(payload.value(QStringLiteral("reasons")));
    details.items = texts(payload.value(QStringLiteral("items")));
    const QString ground = payload.value(QStringLiteral("ground")).toString();
    if (ground == QStringLiteral("not-required"))
        details.ground = Ground::NotRequired;
    else if (ground == QStringLiteral("not-competent"))
        details.ground = Ground::NotCompetent;
    details.competentAuthority = payload.value(QStringLiteral("referTo")).toString().trimmed();
    return details;
}

Result<Document> CaseDocuments::make(DocumentKind kind, const Case &c, const DecisionDetails &details,
    const DocumentContext &context, const catalogue::Catalogue *catalogue)
{
    switch (kind) {
    case DocumentKind::Checklist:
        return ChecklistSheet::build(ChecklistSubject::fromCase(c, catalogue), context);
    case DocumentKind::AcceptanceReceipt:
        return acceptanceReceipt(c, context);
    case DocumentKind::WaiverNotice:
        return waiverNotice(c, context);
    case DocumentKind::CorrectionNotice:
        return correctionNotice(c, details.items, context);
    case DocumentKind::RefusalNotice:
        return refusalNotice(c, details, context);
    case DocumentKind::SupplementReceipt:
        return SupplementReceipt::fromCase(c, context);
    case DocumentKind::TransferList:
    case DocumentKind::FolderLabels:
    case DocumentKind::PickupSlip:
    case DocumentKind::EmsLabel:
    case DocumentKind::SupervisionNotice:
        // Made from a transfer list, a collector or a tracking number: TransferDocuments and
        // PickupDocuments.
        break;
    }
    return fail(Error::Code::Internal, QStringLiteral("unknown document kind"));
}

Result<Document> CaseDocuments::acceptanceReceipt(const Case &c, const DocumentContext &context)
{
    const Writer w(c, context, u"receipt");
    Result<QList<Field>> deadline = w.deadlineFields();
    if (!deadline)
        return failWith(deadline.error());
    Document document = w.begin(DocumentKind::AcceptanceReceipt);
    document.add(ParagraphBlock {w.promise()}, Document::Where::SheetOnly);
    QList<Field> fields = w.caseFields() + *deadline;
    fields.append({w.common(u"label.delivery"), w.delivery(), true});
    document.add(FieldsBlock {fields});
    document.add(SectionBlock {w.say(u"materials")});
    document.add(w.receivedTable());
    const QString delivery = c.applicant.deliverByPost
        ? w.say(u"post").arg(w.postAddress(), Masking::name(c.applicant.recipientName),
            Masking::phone(c.applicant.recipientMobile))
        : w.say(u"pickup").arg(context.text(u"hall", u"pickup"));
    context.addSignature(document, delivery + w.say(u"keep"));
    return document;
}

Result<Document> CaseDocuments::waiverNotice(const Case &c, const DocumentContext &context)
{
    const Writer w(c, context, u"waiver");
    TableBlock waived;
    waived.columns = {
        {w.common(u"column.index"), 0.8, true, TableColumn::Compact::Prefix},
        {w.common(u"column.material"), 4.2, false, TableColumn::Compact::Title},
        {w.common(u"column.form"), 2.3, true, TableColumn::Compact::Hidden},
        {w.common(u"column.copies"), 0.8, true, TableColumn::Compact::Inline},
        {w.common(u"column.supplement-deadline"), 2.0, true, TableColumn::Compact::Field},
    };
    for (const MaterialCheck &check : c.materialChecks) {
        if (check.status != MaterialCheck::Status::Waived)
            continue;
        const MaterialRow *row = MaterialRow::find(w.rows(), check.materialId);
        waived.rows.append({TableCell {QString::number(waived.rows.size() + 1), {}},
            TableCell {w.materialName(check.materialId), (row ? row->notes : QStringList()) + w.serves(row)},
            TableCell {row ? context.formName(row->form) : w.common(u"not-given"), {}},
            TableCell {row ? context.copies(row->copies) : w.common(u"not-given"), {}},
            TableCell {context.date(check.supplementDeadline), {}}});
    }
    if (waived.rows.isEmpty())
        return cannotIssue(QCoreApplication::translate(
            "ow::documents", "The case %1 has no waived material; a waiver notice names at least one.")
                               .arg(c.number));
    Result<QList<Field>> deadline = w.deadlineFields();
    if (!deadline)
        return failWith(deadline.error());
    Document document = w.begin(DocumentKind::WaiverNotice);
    document.add(ParagraphBlock {w.promise()}, Document::Where::SheetOnly);
    document.add(FieldsBlock {w.caseFields() + *deadline});
    document.add(SectionBlock {w.say(u"materials")});
    document.add(waived);
    document.add(ParagraphBlock {w.say(u"supplement"), TextStyle::Strong});
    document.add(SectionBlock {w.say(u"received")}, Document::Where::SheetOnly);
    document.add(w.receivedTable(), Document::Where::SheetOnly);
    document.add(ParagraphBlock {w.say(u"pledge")}, Document::Where::SheetOnly);
    w.signLines(document);
    context.addSignature(document);
    return document;
}

Result<Document> CaseDocuments::correctionNotice(
    const Case &c, const QStringList &items, const DocumentContext &context)
{
    const Writer w(c, context, u"correction");
    TableBlock table;
    table.columns = {
        {w.common(u"column.index"), 0.8, true, TableColumn::Compact::Prefix},
        {w.common(u"column.material"), 2.6, false, TableColumn::Compact::Title},
        {w.common(u"column.problem"), 2.9, false, TableColumn::Compact::Field},
        {w.common(u"column.requirement"), 2.9, false, TableColumn::Compact::Field},
    };
    // In a bundle the material's cell says which matters it serves, as on the receipt.
    const auto addRow = [&table](const QString &material, const QString &problem, const QString &requirement,
                            const QStringList &serves = {}) {
        table.rows.append({TableCell {QString::number(table.rows.size() + 1), {}},
            TableCell {material, serves}, TableCell {problem, {}}, TableCell {requirement, {}}});
    };
    // In checklist order, so the notice reads like the list the applicant already holds.
    QList<const MaterialCheck *> checks;
    for (const MaterialRow &row : w.rows())
        if (const MaterialCheck *check = c.findCheck(row.materialId))
            checks.append(check);
    for (const MaterialCheck &check : c.materialChecks)
        if (!MaterialRow::find(w.rows(), check.materialId))
            checks.append(&check);
    for (const MaterialCheck *check : std::as_const(checks)) {
        const MaterialRow *row = MaterialRow::find(w.rows(), check->materialId);
        const QString name = w.materialName(check->materialId);
        if (check->status == MaterialCheck::Status::Missing)
            addRow(name, w.say(u"missing"), w.provide(row), w.serves(row));
        for (const cases::FailedPoint &point : check->failedPoints) {
            const QString standard = row ? row->pointText(point.pointId) : point.pointId;
            addRow(name, point.reason.isEmpty() ? standard : point.reason, standard, w.serves(row));
        }
    }
    for (const QString &item : items)
        addRow(w.say(u"other"), item, QString());
    if (table.rows.isEmpty())
        return cannotIssue(QCoreApplication::translate("ow::documents",
            "Nothing is missing or wrong in the case %1; a correction notice must say what to correct.")
                               .arg(c.number));

    Document document = w.begin(DocumentKind::CorrectionNotice);
    document.add(FieldsBlock {w.caseFields()});
    document.add(table);
    document.add(ParagraphBlock {w.say(u"closing")});
    document.add(ParagraphBlock {w.say(u"once"), TextStyle::Strong});
    w.signLines(document);
    context.addSignature(document);
    return document;
}

Result<Document> CaseDocuments::refusalNotice(
    const Case &c, const DecisionDetails &details, const DocumentContext &context)
{
    if (details.reasons.isEmpty())
        return cannotIssue(QCoreApplication::translate(
            "ow::documents", "A refusal notice must state its reasons; none are recorded for the case %1.")
                               .arg(c.number));
    if (details.ground == DecisionDetails::Ground::NotCompetent && details.competentAuthority.isEmpty())
        return cannotIssue(QCoreApplication::translate("ow::documents",
            "A refusal because the matter is not within this organ's powers must name the organ to apply "
            "to."));
    const Writer w(c, context, u"refusal");
    Document document = w.begin(DocumentKind::RefusalNotice);
    for (qsizetype i = 0; i < details.reasons.size(); ++i)
        document.add(ParagraphBlock {QStringLiteral("%1. %2").arg(i + 1).arg(details.reasons.at(i))});
    if (details.ground == DecisionDetails::Ground::NotRequired)
        document.add(ParagraphBlock {w.say(u"ground.not-required")});
    else if (details.ground == DecisionDetails::Ground::NotCompetent)
        document.add(ParagraphBlock {w.say(u"ground.not-competent").arg(details.competentAuthority)});
    document.add(FieldsBlock {w.caseFields()});
    document.add(ParagraphBlock {w.say(u"returned")});
    document.add(ParagraphBlock {w.say(u"rights").arg(
        context.text(u"hall", u"reconsideration-body"), context.text(u"hall", u"court"))});
    document.add(
        ParagraphBlock {w.say(u"rights-basis"), TextStyle::Small, false}, Document::Where::SheetOnly);
    w.signLines(document);
    context.addSignature(document);
    return document;
}

} // namespace ow::documents
