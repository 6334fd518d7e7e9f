#include "catalogue/CatalogueLoader.h"

#include "catalogue/BundleReader.h"
#include "catalogue/LoadContext.h"
#include "catalogue/LoadMemo.h"
#include "catalogue/MaterialReader.h"
#include "catalogue/MatterReader.h"
#include "catalogue/TextTree.h"
#include "core/InputExcerpt.h"
#include "core/TextFile.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <algorithm>

namespace ow::catalogue {

namespace {

// Reads one catalogue at a time; the files are read in the order §1 gives, which is also the
// order the diagnostics are sorted in.
class Loading
{
public:
    explicit Loading(const QString &rootDir, const QHash<QString, QString> &texts = {},
        std::shared_ptr<const LoadMemo> previous = {}, bool remember = false)
        : m_context(rootDir)
        , m_texts(texts)
        , m_previous(std::move(previous))
    {
        m_catalogue->rootDir = rootDir;
        if (m_previous && m_previous->directory != rootDir)
            m_previous.reset();
        if (remember) {
            m_memo = std::make_shared<LoadMemo>();
            m_memo->directory = rootDir;
        }
    }

    CatalogueLoader::Outcome run()
    {
        const bool headReused = reuseHead();
        if (!headReused) {
            readCatalogueFile();
            readDepartments();
            for (const QString &file : filesIn(QStringLiteral("materials"), true))
                readMaterials(file);
            // Lists stop growing here, so pointers into them stay valid; the first definition of an id wins.
            for (const Material &material : std::as_const(m_catalogue->materials))
                addUnique(m_context.lookups().materials, material.id, &material, Kind::Material);
            rememberHead();
        }
        for (const QString &file : filesIn(QStringLiteral("matters"), true)) {
            if (headReused && reuseMatterFile(file))
                continue;
            const qsizetype firstMatter = m_catalogue->matters.size();
            const qsizetype firstDiagnostic = m_context.diagnostics().size();
            readMatters(file);
            rememberMatterFile(file, firstMatter, firstDiagnostic);
        }
        for (const Matter &matter : std::as_const(m_catalogue->matters))
            addUnique(m_context.lookups().matters, matter.code, &matter, Kind::Matter);
        checkReferrals();
        for (const QString &file : filesIn(QStringLiteral("bundles"), false))
            readBundles(file);
        QHash<QString, const Bundle *> bundles;
        for (const Bundle &bundle : std::as_const(m_catalogue->bundles))
            addUnique(bundles, bundle.id, &bundle, Kind::Bundle);

        CatalogueLoader::Outcome outcome;
        outcome.diagnostics = sortedDiagnostics();
        m_catalogue->index();
        outcome.partial = m_catalogue;
        if (m_memo) {
            m_memo->catalogue = m_catalogue;
            outcome.memo = std::move(m_memo);
        }
        if (!hasErrors(outcome.diagnostics))
            outcome.catalogue = std::move(m_catalogue);
        return outcome;
    }

private:
    // The catalogue file, the departments and the material library, unchanged since the previous load,
    // are taken from it as they were read: the lists are shared, so the lookups' pointers stay valid.
    bool reuseHead()
    {
        if (!m_previous || !m_previous->headReusable || !m_previous->catalogue)
            return false;
        QStringList files = {QStringLiteral("catalogue.txt"), QStringLiteral("departments.txt")};
        files.append(filesIn(QStringLiteral("materials"), false));
        const auto &head = m_previous->headFiles;
        if (head.size() != files.size())
            return false;
        for (qsizetype i = 0; i < files.size(); ++i) {
            const auto given = m_texts.constFind(files.at(i));
            if (head.at(i).first != files.at(i) || given == m_texts.constEnd()
                || !sameText(*given, head.at(i).second))
                return false;
        }
        const Catalogue &old = *m_previous->catalogue;
        Catalogue &catalogue = *m_catalogue;
        catalogue.id = old.id;
        catalogue.name = old.name;
        catalogue.version = old.version;
        catalogue.issued = old.issued;
        catalogue.region = old.region;
        catalogue.departments = old.departments;
        catalogue.materials = old.materials;
        m_context.lookups() = m_previous->lookups;
        m_context.addAll(m_previous->headDiagnostics);
        for (const QString &file : std::as_const(files))
            m_fileOrder.insert(file, int(m_fileOrder.size()));
        if (m_memo) {
            m_memo->headFiles = head;
            m_memo->headReusable = true;
            m_memo->headDiagnostics = m_previous->headDiagnostics;
            m_memo->lookups = m_previous->lookups;
        }
        return true;
    }

    void rememberHead()
    {
        if (!m_memo)
            return;
        QList<std::pair<int, QString>> order;
        for (auto it = m_fileOrder.cbegin(); it != m_fileOrder.cend(); ++it)
            order.append({it.value(), it.key()});
        std::sort(order.begin(), order.end());
        m_memo->headReusable = true;
        for (const auto &[position, file] : std::as_const(order)) {
            const auto given = m_texts.constFind(file);
            if (given == m_texts.constEnd())
                m_memo->headReusable = false;
            else
                m_memo->headFiles.append({file, *given});
        }
        m_memo->headDiagnostics = m_context.diagnostics();
        m_memo->lookups = m_context.lookups();
    }

    // A matter file whose text is the one the previous load read gives the same matters and findings.
    bool reuseMatterFile(const QString &file)
    {
        const auto given = m_texts.constFind(file);
        const auto record = m_previous->matterFiles.constFind(file);
        if (given == m_texts.constEnd() || record == m_previous->matterFiles.constEnd()
            || !sameText(*given, record->text))
            return false;
        if (!m_fileOrder.contains(file))
            m_fileOrder.insert(file, int(m_fileOrder.size()));
        const qsizetype first = m_catalogue->matters.size();
        makeRoom(m_catalogue->matters, record->count);
        m_catalogue->matters.append(m_previous->catalogue->matters.mid(record->first, record->count));
        m_context.addAll(record->diagnostics);
        if (m_memo)
            m_memo->matterFiles.insert(file, {record->text, first, record->count, record->diagnostics});
        return true;
    }

    void rememberMatterFile(const QString &file, qsizetype firstMatter, qsizetype firstDiagnostic)
    {
        const auto given = m_texts.constFind(file);
        if (!m_memo || given == m_texts.constEnd())
            return;
        m_memo->matterFiles.insert(file,
            {*given, firstMatter, m_catalogue->matters.size() - firstMatter,
                m_context.diagnostics().mid(firstDiagnostic)});
    }

    static bool sameText(const QString &a, const QString &b)
    {
        return (a.constData() == b.constData() && a.size() == b.size()) || a == b;
    }

    // A referral names another matter, which may be written in a later file: checked once all are read.
    void checkReferrals()
    {
        for (const Matter &matter : std::as_const(m_catalogue->matters))
            for (const ScreeningOutcome &outcome : matter.outcomes) {
                if (outcome.kind != OutcomeKind::Refer || outcome.targetCode.isEmpty())
                    continue;
                if (outcome.targetCode == matter.code)
                    m_context.error(Rule::UnknownId, outcome.targetWhere,
                        QCoreApplication::translate("ow::catalogue",
                            "outcome '%1' refers matter '%2' to itself; name the other matter the applicant "
                            "needs")
                            .arg(InputExcerpt::excerpt(outcome.id), matter.code));
                else if (!m_context.lookups().matters.contains(outcome.targetCode))
                    m_context.error(Rule::UnknownId, outcome.targetWhere,
                        QCoreApplication::translate("ow::catalogue",
                            "outcome '%1' refers to matter '%2', which is not in the catalogue; correct the "
                            "code or add the matter under matters/")
                            .arg(InputExcerpt::excerpt(outcome.id),
                                InputExcerpt::excerpt(outcome.targetCode)));
            }
    }

    // The text tree of a file given relative to the folder; its parse errors are reported.
    std::optional<QList<TextNode>> parseFile(const QString &relative)
    {
        if (!m_fileOrder.contains(relative))
            m_fileOrder.insert(relative, int(m_fileOrder.size()));
        const QString path = m_context.rootDir() + QLatin1Char('/') + relative;
        // A file given as text and not yet on disk has no link to follow.
        const bool checkLinks = !m_texts.contains(relative) || QFileInfo::exists(path);
        if (checkLinks && !m_context.staysInside(path)) {
            m_context.error(Rule::FileMissing, SourceLocation {relative, 0, 0},
                QCoreApplication::translate("ow::catalogue",
                    "%1 is a link to a file outside the catalogue folder; copy the file into the folder "
                    "instead")
                    .arg(relative));
            return std::nullopt;
        }
        if (const auto given = m_texts.constFind(relative); given != m_texts.constEnd()) {
            TextTree::Parsed parsed = TextTree::parse(*given, relative);
            m_context.addAll(parsed.errors);
            return std::move(parsed.roots);
        }
        auto text = TextFile::readUtf8(path);
        if (!text) {
            m_context.error(
                Rule::Parse, SourceLocation {relative, text.error().where().line, 0}, text.error().message());
            if (text.error().code() != Error::Code::Parse)
                return std::nullopt;
            // Not UTF-8 on one line: the rest of the file is still worth reading, so that its
            // definitions are not reported missing too. The bad bytes become U+FFFD.
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return std::nullopt;
            text = QString::fromUtf8(file.readAll());
        }
        TextTree::Parsed parsed = TextTree::parse(*text, relative);
        m_context.addAll(parsed.errors);
        return std::move(parsed.roots);
    }

    QStringList filesIn(const QString &folder, bool required)
    {
        const QDir dir(m_context.rootDir() + QLatin1Char('/') + folder);
        QStringList given;
        for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it)
            if (it.key().startsWith(folder + QLatin1Char('/')) && it.key().endsWith(QLatin1StringView(".txt"))
                && !it.key().mid(folder.size() + 1).contains(QLatin1Char('/')))
                given.append(it.key().mid(folder.size() + 1));
        if (!dir.exists() && given.isEmpty()) {
            if (required)
                m_context.error(Rule::FileMissing, SourceLocation {folder + QLatin1Char('/'), 0, 0},
                    QCoreApplication::translate("ow::catalogue",
                        "the catalogue has no '%1' folder; create it and put "
                        "the %1 files (*.txt) in it")
                        .arg(folder));
            return {};
        }
        QStringList names = dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::NoSort);
        if (!given.isEmpty()) {
            QSet<QString> all(names.cbegin(), names.cend());
            all.unite(QSet<QString>(given.cbegin(), given.cend()));
            names = QStringList(all.cbegin(), all.cend());
        }
        std::sort(names.begin(), names.end());
        for (QString &name : names)
            name.prepend(folder + QLatin1Char('/'));
        return names;
    }

    bool requireFile(const QString &relative, const QString &firstLine)
    {
        if (!m_fileOrder.contains(relative))
            m_fileOrder.insert(relative, int(m_fileOrder.size()));
        if (m_texts.contains(relative)
            || QFileInfo(m_context.rootDir() + QLatin1Char('/') + relative).isFile())
            return true;
        m_context.error(Rule::FileMissing, SourceLocation {relative, 0, 0},
            QCoreApplication::translate("ow::catalogue",
                "the catalogue folder has no %1; create it, starting with a "
                "line like '%2' (see the catalogue format)")
                .arg(relative, InputExcerpt::excerpt(firstLine)));
        return false;
    }

    void readCatalogueFile()
    {
        const QString file = QStringLiteral("catalogue.txt");
        if (!requireFile(file, QStringLiteral("catalogue my-catalogue: NAME")))
            return;
        const auto roots = parseFile(file);
        if (!roots)
            return;
        const TextNode *header = nullptr;
        for (const TextNode &node : *roots) {
            if (node.keyword != u"catalogue") {
                m_context.unknownKeyword(node, {}, u"catalogue");
            } else if (header) {
                m_context.error(Rule::Parse, node.where,
                    QCoreApplication::translate("ow::catalogue",
                        "catalogue.txt describes one catalogue, which starts "
                        "at line %1; remove this second 'catalogue' line")
                        .arg(header->where.line));
            } else {
                header = &node;
            }
        }
        if (!header) {
            if (!hasErrors(m_context.diagnostics()))
                m_context.error(Rule::MissingField, SourceLocation {file, 1, 0},
                    QCoreApplication::translate("ow::catalogue",
                        "catalogue.txt has no 'catalogue ID: NAME' line; "
                        "add one, with version and issued under it"));
            return;
        }
        readCatalogueHeader(*header);
    }

    void readCatalogueHeader(const TextNode &header)
    {
        Catalogue &catalogue = *m_catalogue;
        catalogue.id = header.id;
        catalogue.name = header.value;
        if (header.id.isEmpty() || header.value.isEmpty())
            m_context.error(Rule::MissingField, header.where,
                QCoreApplication::translate("ow::catalogue",
                    "the catalogue needs an id and a name; write 'catalogue "
                    "ID: NAME'"));
        SeenFields seen;
        for (const TextNode &child : header.children) {
            if (child.keyword == u"version") {
                if (m_context.once(seen, child) && m_context.plainField(child)) {
                    catalogue.version = child.value;
                    if (std::any_of(
                            child.value.cbegin(), child.value.cend(), [](QChar c) { return c.isSpace(); }))
                        m_context.error(Rule::Parse, child.valueWhere(),
                            QCoreApplication::translate("ow::catalogue",
                                "the version '%1' contains a space; write it "
                                "without spaces, e.g. 2026.11.1")
                                .arg(InputExcerpt::excerpt(child.value)));
                }
            } else if (child.keyword == u"issued") {
                if (m_context.once(seen, child) && m_context.plainField(child)) {
                    catalogue.issued = child.value;
                    if (child.value.size() != 10 || !QDate::fromString(child.value, Qt::ISODate).isValid())
                        m_context.error(Rule::Parse, child.valueWhere(),
                            QCoreApplication::translate("ow::catalogue",
                                "'%1' is not a date; write the release date "
                                "as YYYY-MM-DD, e.g. 2026-11-20")
                                .arg(InputExcerpt::excerpt(child.value)));
                }
            } else if (child.keyword == u"region") {
                if (m_context.once(seen, child) && m_context.plainField(child)) {
                    catalogue.region = child.value;
                    const bool sixDigits = child.value.size() == 6
                        && std::all_of(child.value.cbegin(), child.value.cend(),
                            [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
                    if (!sixDigits)
                        m_context.error(Rule::Parse, child.valueWhere(),
                            QCoreApplication::translate("ow::catalogue",
                                "'%1' is not a region code; write the six-digit "
                                "GB/T 2260 code, e.g. 330302")
                                .arg(InputExcerpt::excerpt(child.value)));
                }
            } else {
                m_context.unknownKeyword(child, QStringLiteral("catalogue"), u"version, issued, region");
            }
        }
        for (const auto &[keyword, example] :
            {std::pair {u"version", u"version: 2026.11.1"}, std::pair {u"issued", u"issued: 2026-11-20"}}) {
            if (!seen.contains(keyword))
                m_context.error(Rule::MissingField, header.where,
                    QCoreApplication::translate("ow::catalogue",
                        "the catalogue has no '%1'; add a line like '%2' "
                        "under it")
                        .arg(QString::fromUtf16(keyword), QString::fromUtf16(example)));
        }
    }

    void readDepartments()
    {
        const QString file = QStringLiteral("departments.txt");
        const bool present = requireFile(file, QStringLiteral("department health: NAME"));
        const auto roots = present ? parseFile(file) : std::nullopt;
        if (!roots) {
            // Every department reference would be unknown: one error about the file says it all.
            m_context.lookups().departmentsKnown = false;
            return;
        }
        auto &departments = m_catalogue->departments;
        for (const TextNode &node : *roots) {
            if (node.keyword != u"department") {
                m_context.unknownKeyword(node, {}, u"department");
                continue;
            }
            if (!m_context.idAndValue(node))
                continue;
            departments.append({node.id, node.value, node.where});
        }
        for (const Department &department : std::as_const(departments))
            addUnique(m_context.lookups().departments, department.id, &department, Kind::Department);
    }

    void readMaterials(const QString &file)
    {
        const auto roots = parseFile(file);
        if (!roots)
            return;
        MaterialReader reader(m_context);
        makeRoom(m_catalogue->materials, roots->size());
        for (const TextNode &node : *roots) {
            if (node.keyword == u"material")
                m_catalogue->materials.append(reader.read(node));
            else
                m_context.unknownKeyword(node, {}, u"material");
        }
    }

    void readMatters(const QString &file)
    {
        const auto roots = parseFile(file);
        if (!roots)
            return;
        MatterReader reader(m_context);
        makeRoom(m_catalogue->matters, roots->size());
        for (const TextNode &node : *roots) {
            if (node.keyword == u"matter")
                m_catalogue->matters.append(reader.read(node));
            else
                m_context.unknownKeyword(node, {}, u"matter");
        }
    }

    void readBundles(const QString &file)
    {
        const auto roots = parseFile(file);
        if (!roots)
            return;
        BundleReader reader(m_context);
        for (const TextNode &node : *roots) {
            if (node.keyword == u"bundle")
                m_catalogue->bundles.append(reader.read(node));
            else
                m_context.unknownKeyword(node, {}, u"bundle");
        }
    }

    // Grows geometrically: a thousand files each reserving exactly their own entries would copy the
    // whole list a thousand times.
    template<typename T> static void makeRoom(QList<T> &list, qsizetype more)
    {
        if (list.capacity() < list.size() + more)
            list.reserve(std::max(list.size() + more, list.capacity() * 2));
    }

    enum class Kind
    {
        Department,
        Material,
        Matter,
        Bundle
    };

    // Keeps the first definition of an id and reports every later one.
    template<typename T>
    void addUnique(QHash<QString, const T *> &lookup, const QString &id, const T *item, Kind kind)
    {
        if (id.isEmpty())
            return;
        const auto it = lookup.constFind(id);
        if (it == lookup.constEnd()) {
            lookup.insert(id, item);
            return;
        }
        const QString first = LoadContext::place(it.value()->where);
        QString message;
        switch (kind) {
        case Kind::Department:
            message = QCoreApplication::translate("ow::catalogue",
                "department '%1' is defined twice; the first definition is at "
                "%2 (remove one, or give it another id)");
            break;
        case Kind::Material:
            message = QCoreApplication::translate("ow::catalogue",
                "material '%1' is defined twice; the first definition is at %2 "
                "(remove one, or give it another id)");
            break;
        case Kind::Matter:
            message = QCoreApplication::translate("ow::catalogue",
                "matter code '%1' is used twice; the first matter with it is at "
                "%2 (each matter needs its own code)");
            break;
        case Kind::Bundle:
            message = QCoreApplication::translate("ow::catalogue",
                "bundle '%1' is defined twice; the first definition is at %2 "
                "(remove one, or give it another id)");
            break;
        }
        m_context.error(Rule::DuplicateId, item->where, message.arg(id, first));
    }

    Diagnostics sortedDiagnostics()
    {
        Diagnostics diagnostics = std::move(m_context.diagnostics());
        const auto bundlesAndUnknown = int(m_fileOrder.size());
        auto rank = [&](const SourceLocation &where) {
            if (where.file.isEmpty())
                return -1;
            return m_fileOrder.value(where.file, bundlesAndUnknown);
        };
        std::stable_sort(
            diagnostics.begin(), diagnostics.end(), [&](const Diagnostic &a, const Diagnostic &b) {
                const int ra = rank(a.where);
                const int rb = rank(b.where);
                if (ra != rb)
                    return ra < rb;
                if (ra == bundlesAndUnknown && a.where.file != b.where.file)
                    return a.where.file < b.where.file;
                if (a.where.line != b.where.line)
                    return a.where.line < b.where.line;
                return a.where.column < b.where.column;
            });
        return diagnostics;
    }

    LoadContext m_context;
    const QHash<QString, QString> m_texts; ///< files given as text instead of read from disk
    std::shared_ptr<const LoadMemo> m_previous; ///< what the previous load read, when it may be reused
    std::shared_ptr<LoadMemo> m_memo; ///< what this load reads, for the next one
    std::shared_ptr<Catalogue> m_catalogue = std::make_shared<Catalogue>();
    QHash<QString, int> m_fileOrder; ///< file → position in reading order
};

} // namespace

CatalogueLoader::Outcome CatalogueLoader::load(const QString &directory)
{
    const QFileInfo info(directory);
    if (!info.isDir()) {
        Outcome outcome;
        outcome.diagnostics.append({Diagnostic::Severity::Error, QStringLiteral("file-missing"),
            info.exists() ? QCoreApplication::translate("ow::catalogue",
                "'%1' is a file, not a catalogue folder; give the folder "
                "that holds catalogue.txt")
                                .arg(directory)
                          : QCoreApplication::translate(
                              "ow::catalogue", "the catalogue folder '%1' does not exist; check the path")
                                .arg(directory),
            SourceLocation {directory, 0, 0}});
        return outcome;
    }
    return Loading(QDir::cleanPath(info.absoluteFilePath())).run();
}

CatalogueLoader::Outcome CatalogueLoader::load(const QString &directory, const QHash<QString, QString> &texts)
{
    if (!QFileInfo(directory).isDir())
        return load(directory);
    return Loading(QDir::cleanPath(QFileInfo(directory).absoluteFilePath()), texts).run();
}

CatalogueLoader::Outcome CatalogueLoader::load(
    const QString &directory, const QHash<QString, QString> &texts, std::shared_ptr<const LoadMemo> previous)
{
    if (!QFileInfo(directory).isDir())
        return load(directory);
    return Loading(QDir::cleanPath(QFileInfo(directory).absoluteFilePath()), texts, std::move(previous), true)
        .run();
}

Result<CataloguePtr> CatalogueLoader::loadOrError(const QString &directory)
{
    Outcome outcome = load(directory);
    if (outcome.catalogue)
        return outcome.catalogue;
    const auto first = std::find_if(outcome.diagnostics.cbegin(), outcome.diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
    if (first == outcome.diagnostics.cend())
        return fail(Error::Code::Internal,
            QCoreApplication::translate("ow::catalogue", "the catalogue could not be loaded"));
    const auto errors = std::count_if(outcome.diagnostics.cbegin(), outcome.diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
    QString message = first->message;
    if (errors > 1)
        message = QCoreApplication::translate("ow::catalogue",
            "%1 (and %2 more errors; run 'onewindow-cli catalogue lint' to see "
            "them all)")
                      .arg(message)
                      .arg(errors - 1);
    const Error::Code code = first->rule == u"parse"               ? Error::Code::Parse
        : first->rule == u"file-missing" && first->where.line == 0 ? Error::Code::NotFound
                                                                   : Error::Code::Invalid;
    return fail(code, message, first->where);
}

} // namespace ow::catalogue
