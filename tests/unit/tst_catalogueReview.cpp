// The catalogue's review and acceptance on the server (docs/catalogue-review.md), through the API
// without HTTP: a submitted version split into review items against the current one; a 中 item
// returns it and it cannot be published; all 高, three walks at different counters and the
// departments' sign-offs let it be published, not two walks nor three from one counter; an
// objection returns it; a version effective in the future leaves the old one current until that
// day (the server's ManualClock); rollback; editing locks and their expiry; another department's
// sign-off refused. Runs on SQLite, and as tst_catalogueReview_postgres on OW_TEST_POSTGRES.

#include "ServerDatabaseSupport.h"
#include "catalogue/CatalogueLoader.h"
#include "core/ManualClock.h"
#include "server/Api.h"
#include "server/CredentialStore.h"
#include "sync/CataloguePackage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ow;
using namespace ow::server;
using namespace Qt::StringLiterals;

namespace {

const QString kBase = QStringLiteral(OW_ENGINE_CATALOGUES "/basic");
const QString kChanged = QStringLiteral(OW_ENGINE_CATALOGUES "/changed");

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QStringList ids(const QJsonArray &list, const char *key)
{
    QStringList out;
    for (const QJsonValue &v : list)
        out.append(v.toObject().value(QLatin1StringView(key)).toString());
    return out;
}

} // namespace

class TestCatalogueReview : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<Api> m_api;
    ManualClock m_clock {QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC)};
    QString m_publisher;
    QString m_health;
    QString m_market;
    QString m_tax;
    QStringList m_counters; // tokens of W01, W02, W03 of one hall and W01 of another

    struct Reply
    {
        int status = 0;
        QJsonObject body;
        QString code() const { return body.value(u"error"_s).toObject().value(u"code"_s).toString(); }
    };

    Reply send(
        const QByteArray &method, const QString &path, const QString &token, const QByteArray &body = {})
    {
        ApiRequest request;
        request.method = method;
        request.path = u"/api/v1/"_s + path;
        request.body = body;
        request.remote = QHostAddress(u"192.0.2.9"_s);
        request.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + token.toUtf8()));
        QString credential;
        const ApiReply reply = m_api->handle(request, &credential);
        return {reply.status, QJsonDocument::fromJson(reply.body).object()};
    }

    /// The package of a catalogue folder, its version set to `version` (catalogue.txt rewritten in a
    /// copy when it differs), as the body of a submission.
    QJsonObject package(const QString &folder, const QString &version = {})
    {
        QString source = folder;
        if (!version.isEmpty()) {
            source = m_dir->filePath(u"copy-"_s + version);
            QDir().mkpath(source);
            if (!copyTree(folder, source))
                qFatal("cannot copy %s", qPrintable(folder));
            QFile file(source + u"/catalogue.txt"_s);
            file.open(QIODevice::ReadOnly);
            QString text = QString::fromUtf8(file.readAll());
            file.close();
            text.replace(QRegularExpression(u"version: \\S+"_s), u"version: "_s + version);
            file.open(QIODevice::WriteOnly | QIODevice::Truncate);
            file.write(text.toUtf8());
        }
        const QString id = u"engine-test"_s;
        QFile catalogueFile(source + u"/catalogue.txt"_s);
        catalogueFile.open(QIODevice::ReadOnly);
        const QString declared = QRegularExpression(u"version: (\\S+)"_s)
                                     .match(QString::fromUtf8(catalogueFile.readAll()))
                                     .captured(1);
        Result<sync::CataloguePackage> built = sync::CataloguePackage::fromDirectory(source, id, declared);
        if (!built)
            qFatal("package: %s", qPrintable(built.error().toString()));
        return built->toJson();
    }
    static bool copyTree(const QString &from, const QString &to)
    {
        QDir source(from);
        for (const QFileInfo &info : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString target = to + u'/' + info.fileName();
            if (info.isDir()) {
                QDir().mkpath(target);
                if (!copyTree(info.filePath(), target))
                    return false;
            } else if (!QFile::copy(info.filePath(), target)) {
                return false;
            }
        }
        return true;
    }

    Reply submit(const QString &folder, const QString &version = {}, const QString &effective = {},
        const QString &editor = u"张编辑"_s, qint64 replaces = 0)
    {
        QJsonObject body = package(folder, version);
        body.insert(u"reason"_s, u"改"_s);
        body.insert(u"note"_s, u"消防合格证改为两份"_s);
        body.insert(u"editor"_s, editor);
        if (!effective.isEmpty())
            body.insert(u"effective"_s, effective);
        if (replaces)
            body.insert(u"replaces"_s, replaces);
        return send("POST", u"catalogues/submissions"_s, m_publisher, json(body));
    }
    Reply grade(qint64 id, const QStringList &items, const QString &grade, const QString &comment = {})
    {
        return send("POST", u"catalogues/submissions/%1/reviews"_s.arg(id), m_publisher,
            json({{u"items"_s, QJsonArray::fromStringList(items)}, {u"grade"_s, grade},
                {u"comment"_s, comment}, {u"reviewer"_s, u"李评审"_s}}));
    }
    QStringList itemsOf(const QJsonObject &status, bool walkOnly = false)
    {
        QStringList list;
        for (const QJsonValue &v : status.value(u"items"_s).toArray())
            if (!walkOnly || v.toObject().value(u"walk"_s).toBool())
                list.append(v.toObject().value(u"item"_s).toString());
        return list;
    }
    Reply walk(qint64 id, const QString &item, int counter, const QString &objection = {},
        const QString &clerk = u"1001"_s)
    {
        QJsonObject body {{u"situation"_s, item}, {u"clerk"_s, clerk}};
        if (!objection.isEmpty())
            body.insert(u"objection"_s, objection);
        return send("POST", u"catalogues/submissions/%1/walks"_s.arg(id), m_counters.at(counter), json(body));
    }
    /// Walks every situation of the submission at the given counters.
    void walkAll(qint64 id, const QList<int> &counters)
    {
        const QStringList situations = itemsOf(status(id), true);
        for (int counter : counters)
            for (const QString &item : situations)
                QCOMPARE(walk(id, item, counter).status, 200);
    }
    Reply signOff(qint64 id, const QString &key, const QString &objection = {})
    {
        QJsonObject body {{u"signer"_s, u"后台审批员"_s}};
        if (!objection.isEmpty())
            body.insert(u"objection"_s, objection);
        return send("POST", u"catalogues/submissions/%1/sign-off"_s.arg(id), key, json(body));
    }
    Reply publish(qint64 id, const QJsonObject &body = {})
    {
        return send("POST", u"catalogues/submissions/%1/publish"_s.arg(id), m_publisher, json(body));
    }
    QJsonObject status(qint64 id)
    {
        return send("GET", u"catalogues/submissions/%1"_s.arg(id), m_publisher).body;
    }
    QString currentVersion()
    {
        return send("GET", u"catalogues/current"_s, m_counters.at(0)).body.value(u"version"_s).toString();
    }
    /// A submission of 1.1 against the published 1.0, graded all 高: ready to walk.
    qint64 reviewedSubmission(const QString &effective = {})
    {
        const Reply submitted = submit(kChanged, {}, effective);
        if (submitted.status != 201)
            qWarning("%s", json(submitted.body).constData());
        const qint64 id = submitted.body.value(u"id"_s).toInteger();
        const Reply graded = grade(id, itemsOf(submitted.body), u"高"_s);
        if (graded.body.value(u"state"_s).toString() != u"reviewed"_s)
            qWarning("%s", json(graded.body).constData());
        return id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (testing::postgresMissing())
            QSKIP("PostgreSQL tests need OW_TEST_POSTGRES");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Result<std::unique_ptr<storage::Database>> db = testing::freshServerDatabase(*m_dir);
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
        m_db = std::move(*db);
        m_clock.set(QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC));
        Api::Options options;
        options.dataDirectory = m_dir->path();
        m_api = std::make_unique<Api>(*m_db, options, m_clock.clock());
        CredentialStore credentials(*m_db, m_clock.clock());
        m_publisher = credentials.issuePublisherKey(u"目录办"_s)->secret;
        m_health = credentials.issueDepartmentKey(u"health"_s)->secret;
        m_market = credentials.issueDepartmentKey(u"market"_s)->secret;
        m_tax = credentials.issueDepartmentKey(u"tax"_s)->secret;
        m_counters.clear();
        const QList<std::pair<QString, QString>> counters {{u"33030201"_s, u"W01"_s},
            {u"33030201"_s, u"W02"_s}, {u"33030201"_s, u"W03"_s}, {u"33030202"_s, u"W01"_s}};
        for (const auto &[hall, counter] : counters) {
            const QString code = credentials.issueEnrolCode(hall, counter)->secret;
            m_counters.append((*credentials.enrol(code, u"pc-"_s + counter))->second);
        }
        m_db->finishStatements();
        const Reply published = send("POST", u"catalogues"_s, m_publisher, json(package(kBase)));
        QCOMPARE(published.status, 201);
        QCOMPARE(currentVersion(), u"1.0"_s);
    }

    void cleanup()
    {
        m_api.reset();
        m_db.reset();
        m_dir.reset();
    }

    void itemsAreEveryChangeAgainstTheCurrentVersion()
    {
        const Reply submitted = submit(kChanged);
        QCOMPARE(submitted.status, 201);
        const QJsonObject &s = submitted.body;
        QCOMPARE(s.value(u"state"_s).toString(), u"in-review"_s);
        QCOMPARE(s.value(u"baseVersion"_s).toString(), u"1.0"_s);
        QCOMPARE(s.value(u"version"_s).toString(), u"1.1"_s);
        QCOMPARE(s.value(u"reason"_s).toString(), u"改"_s);
        const QStringList items = itemsOf(s);
        QVERIFY2(
            items.contains(u"matter:M1"_s) && items.contains(u"matter:M2"_s), qPrintable(items.join(u' ')));
        // Four situations of M1 changed (copies of the fire-check), one of M2 gained the lease; the
        // bundle open-shop is walked on its first situation with M2's (M1's four lie outside it: the
        // bundle presets another place).
        const QStringList walks = itemsOf(s, true);
        QCOMPARE(walks.size(), 6);
        QVERIFY(walks.contains(u"situation:M2/scale=large"_s));
        const QStringList bundleWalks = walks.filter(u"bundle-situation:open-shop/"_s);
        QCOMPARE(bundleWalks.size(), 1);
        QVERIFY2(bundleWalks.first().endsWith(u" | scale=large"_s), qPrintable(bundleWalks.first()));
        QCOMPARE(
            s.value(u"departments"_s).toArray().toVariantList(), QVariantList({u"health"_s, u"market"_s}));
        QCOMPARE(items.size(), 8);
        // The submitted package can be fetched, to walk it.
        const Reply pkg = send("GET",
            u"catalogues/submissions/%1/package"_s.arg(s.value(u"id"_s).toInteger()), m_counters.at(0));
        QCOMPARE(pkg.status, 200);
        QCOMPARE(pkg.body.value(u"version"_s).toString(), u"1.1"_s);
        // The same version twice while the first is in review: a new version is needed.
        QCOMPARE(submit(kChanged).status, 409);
        // Nothing changed against the current version: nothing to review.
        const Reply same = submit(kBase, u"1.0.1"_s);
        QCOMPARE(same.status, 422);
    }

    void submissionIsRefusedWhenMalformedOrByTheWrongCredential()
    {
        QJsonObject body = package(kChanged);
        body.insert(u"reason"_s, u"变"_s);
        QCOMPARE(send("POST", u"catalogues/submissions"_s, m_publisher, json(body)).status, 422);
        body.insert(u"reason"_s, u"立"_s);
        body.insert(u"effective"_s, u"2026-12-06"_s); // yesterday
        QCOMPARE(send("POST", u"catalogues/submissions"_s, m_publisher, json(body)).status, 422);
        body.remove(u"effective"_s);
        QCOMPARE(send("POST", u"catalogues/submissions"_s, m_counters.at(0), json(body)).status, 403);
        QCOMPARE(send("POST", u"catalogues/submissions"_s, m_health, json(body)).status, 403);
        // A catalogue with errors: 422 lint-failed with the diagnostics, as for POST /catalogues.
        const QString broken = m_dir->filePath(u"broken"_s);
        QDir().mkpath(broken);
        QVERIFY(copyTree(kChanged, broken));
        QFile shop(broken + u"/matters/shop.txt"_s);
        QVERIFY(shop.open(QIODevice::Append));
        shop.write("  require no-such-material\n");
        shop.close();
        QJsonObject bad = package(broken, u"1.9"_s);
        bad.insert(u"reason"_s, u"改"_s);
        const Reply refused = send("POST", u"catalogues/submissions"_s, m_publisher, json(bad));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.code(), u"lint-failed"_s);
        QVERIFY(!refused.body.value(u"diagnostics"_s).toArray().isEmpty());
    }

    void noSuchSubmissionAtEveryStep()
    {
        // Every step reads a submission the same way: one that does not exist is 404, named.
        for (const Reply &reply :
            {grade(9999, {u"matter:x"_s}, u"高"_s), walk(9999, u"situation:x"_s, 0), publish(9999)}) {
            QCOMPARE(reply.status, 404);
            QVERIFY2(
                reply.body.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"9999"_s),
                qPrintable(QString::fromUtf8(QJsonDocument(reply.body).toJson())));
        }
    }

    void aMiddleGradeReturnsItAndItCannotBePublished()
    {
        const Reply submitted = submit(kChanged);
        const qint64 id = submitted.body.value(u"id"_s).toInteger();
        QStringList items = itemsOf(submitted.body);
        // 中 and 低 need a comment; the editor does not review his own version.
        QCOMPARE(grade(id, {items.first()}, u"中"_s).status, 422);
        QCOMPARE(send("POST", u"catalogues/submissions/%1/reviews"_s.arg(id), m_publisher,
                     json({{u"item"_s, items.first()}, {u"grade"_s, u"高"_s}, {u"reviewer"_s, u"张编辑"_s}}))
                     .status,
            422);
        QCOMPARE(grade(id, {u"matter:nope"_s}, u"高"_s).status, 422);
        QCOMPARE(send("POST", u"catalogues/submissions/%1/reviews"_s.arg(id), m_counters.at(0),
                     json({{u"item"_s, items.first()}, {u"grade"_s, u"高"_s}, {u"reviewer"_s, u"x"_s}}))
                     .status,
            403);
        const QString middle = items.takeLast();
        QCOMPARE(grade(id, {middle}, u"中"_s, u"租赁合同的审查要点没写"_s).status, 200);
        // Not decided while items are left ungraded.
        QCOMPARE(status(id).value(u"state"_s).toString(), u"in-review"_s);
        const Reply last = grade(id, items, u"高"_s);
        QCOMPARE(last.status, 200);
        QCOMPARE(last.body.value(u"state"_s).toString(), u"returned"_s);
        const QJsonArray objections = last.body.value(u"objections"_s).toArray();
        QCOMPARE(objections.size(), 1);
        QCOMPARE(objections.at(0).toObject().value(u"text"_s).toString(), u"租赁合同的审查要点没写"_s);
        QCOMPARE(objections.at(0).toObject().value(u"grade"_s).toString(), u"中"_s);
        // Returned: no walks offered, no walk taken, no sign-off, no publication.
        QVERIFY(send("GET", u"catalogues/submissions/pending-walks"_s, m_counters.at(0))
                    .body.value(u"walks"_s)
                    .toArray()
                    .isEmpty());
        QCOMPARE(walk(id, itemsOf(last.body, true).first(), 0).status, 409);
        QCOMPARE(grade(id, {middle}, u"高"_s).status, 409);
        QCOMPARE(publish(id).status, 409);
        QCOMPARE(currentVersion(), u"1.0"_s);
        // The editor answers with a new submission of the same version, linked to the returned one.
        const Reply again = submit(kChanged, {}, {}, u"张编辑"_s, id);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body.value(u"replaces"_s).toInteger(), id);
        QCOMPARE(again.body.value(u"state"_s).toString(), u"in-review"_s);
    }

    void allHighThreeCountersAndSignOffPublish()
    {
        const qint64 id = reviewedSubmission();
        QCOMPARE(status(id).value(u"state"_s).toString(), u"reviewed"_s);
        // Sign-off comes after the walks.
        QCOMPARE(signOff(id, m_health).status, 409);
        const QJsonArray offered = send("GET", u"catalogues/submissions/pending-walks"_s, m_counters.at(0))
                                       .body.value(u"walks"_s)
                                       .toArray();
        QCOMPARE(offered.size(), 6);
        QCOMPARE(offered.at(0).toObject().value(u"countersNeeded"_s).toInt(), 3);
        // Only a workstation walks, and only a situation of the submission.
        QCOMPARE(send("POST", u"catalogues/submissions/%1/walks"_s.arg(id), m_publisher,
                     json({{u"situation"_s, u"M2/scale=large"_s}, {u"clerk"_s, u"1001"_s}}))
                     .status,
            403);
        QCOMPARE(walk(id, u"M2/scale=tiny"_s, 0).status, 422);

        walkAll(id, {0, 1});
        QCOMPARE(status(id).value(u"state"_s).toString(), u"reviewed"_s);
        QCOMPARE(publish(id).status, 409);
        // W02 again, another clerk: still two counters.
        walkAll(id, {1});
        QCOMPARE(walk(id, u"M2/scale=large"_s, 1, {}, u"1002"_s).status, 200);
        QCOMPARE(status(id).value(u"state"_s).toString(), u"reviewed"_s);
        QCOMPARE(publish(id).status, 409);
        // W02 walked everything: nothing is offered to it any more; W03 still has all five.
        QVERIFY(send("GET", u"catalogues/submissions/pending-walks"_s, m_counters.at(1))
                    .body.value(u"walks"_s)
                    .toArray()
                    .isEmpty());
        // W01 of another hall is a different counter.
        walkAll(id, {3});
        QCOMPARE(status(id).value(u"state"_s).toString(), u"walked"_s);
        QCOMPARE(publish(id).status, 409);
        // Another department's back office has nothing to sign.
        const Reply other = signOff(id, m_tax);
        QCOMPARE(other.status, 403);
        QCOMPARE(other.code(), u"other-department"_s);
        QCOMPARE(signOff(id, m_market).status, 200);
        QCOMPARE(status(id).value(u"state"_s).toString(), u"walked"_s);
        QCOMPARE(publish(id).status, 409);
        QCOMPARE(signOff(id, m_health).body.value(u"state"_s).toString(), u"accepted"_s);
        const Reply published = publish(id);
        QCOMPARE(published.status, 200);
        QCOMPARE(published.body.value(u"state"_s).toString(), u"published"_s);
        QCOMPARE(currentVersion(), u"1.1"_s);
        const QJsonObject current = send("GET", u"catalogues/current"_s, m_counters.at(0)).body;
        QCOMPARE(current.value(u"reason"_s).toString(), u"改"_s);
        QCOMPARE(current.value(u"effective"_s).toString(), u"2026-12-07"_s);
        QVERIFY(!current.contains(u"next"_s));
        QCOMPARE(send("GET", u"catalogues/1.1"_s, m_counters.at(0)).status, 200);
        QCOMPARE(publish(id).status, 409);
    }

    // A faq is reviewed like the matter's other parts: an item of its own, graded, signed off by the
    // matter's department (a bundle's by its lead), never walked; publishing carries it to the counters.
    void aFaqIsAnItemSignedOffAndPublished()
    {
        const QString folder = m_dir->filePath(u"faq"_s);
        QDir().mkpath(folder);
        QVERIFY(copyTree(kBase, folder));
        auto append = [&](const QString &file, const QString &text) {
            QFile f(folder + file);
            QVERIFY(f.open(QIODevice::Append));
            f.write(text.toUtf8());
        };
        append(u"/matters/hygiene.txt"_s,
            u"  faq fee: 办理要收费吗？\n    answer: 不收费。\n  faq big: 大浴室要评价报告吗？\n    when: "
            u"area >= 150\n"
            u"    answer: 要。\n"_s);
        append(
            u"/bundles/open.txt"_s, u"  faq together: 要跑几个部门？\n    answer: 一窗受理，一次提交。\n"_s);
        const Reply first = submit(folder, u"1.2"_s);
        QCOMPARE(first.status, 201);
        const qint64 id = first.body.value(u"id"_s).toInteger();
        QCOMPARE(itemsOf(first.body),
            (QStringList {u"faq:M1/fee"_s, u"faq:M1/big"_s, u"bundle-faq:open-shop/together"_s}));
        QVERIFY(itemsOf(first.body, true).isEmpty());
        const QJsonObject fee = first.body.value(u"items"_s).toArray().at(0).toObject();
        QCOMPARE(fee.value(u"kind"_s).toString(), u"faq"_s);
        QCOMPARE(fee.value(u"change"_s).toString(), u"added"_s);
        QCOMPARE(fee.value(u"matter"_s).toString(), u"M1"_s);
        QCOMPARE(fee.value(u"title"_s).toString(), u"公共场所卫生许可：办理要收费吗？"_s);
        QCOMPARE(first.body.value(u"departments"_s).toArray().toVariantList(),
            QVariantList({u"health"_s, u"market"_s}));
        const QJsonObject big = first.body.value(u"items"_s).toArray().at(1).toObject();
        QVERIFY2(big.value(u"detail"_s).toString().contains(u"area >= 150"_s), json(big).constData());

        QCOMPARE(grade(id, itemsOf(first.body), u"高"_s).body.value(u"state"_s).toString(), u"walked"_s);
        QCOMPARE(signOff(id, m_tax).status, 403);
        QCOMPARE(signOff(id, m_health).status, 200);
        QCOMPARE(signOff(id, m_market).body.value(u"state"_s).toString(), u"accepted"_s);
        QCOMPARE(publish(id).status, 200);
        QCOMPARE(currentVersion(), u"1.2"_s);
        const Reply published = send("GET", u"catalogues/1.2"_s, m_counters.at(0));
        QCOMPARE(published.status, 200);
        Result<sync::CataloguePackage> pkg = sync::CataloguePackage::fromJson(published.body);
        QVERIFY(pkg.has_value());
        QDir unpacked(m_dir->filePath(u"unpacked"_s));
        QVERIFY(pkg->unpack(unpacked.path()));
        const auto loaded = catalogue::CatalogueLoader::loadOrError(unpacked.path());
        QVERIFY(loaded.has_value());
        QCOMPARE((*loaded)->matter(u"M1"_s)->faqs.size(), 2);
        QCOMPARE((*loaded)->bundle(u"open-shop"_s)->faqs.first().answer, u"一窗受理，一次提交。"_s);

        // Changing one answer and removing the other is two items, against the published 1.2.
        QFile hygiene(folder + u"/matters/hygiene.txt"_s);
        QVERIFY(hygiene.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(hygiene.readAll());
        hygiene.close();
        text.replace(u"    answer: 不收费。\n"_s, u"    answer: 不收取任何费用。\n"_s);
        text.replace(
            u"  faq big: 大浴室要评价报告吗？\n    when: area >= 150\n    answer: 要。\n"_s, QString());
        QVERIFY(hygiene.open(QIODevice::WriteOnly | QIODevice::Truncate));
        hygiene.write(text.toUtf8());
        hygiene.close();
        const Reply second = submit(folder, u"1.3"_s);
        QCOMPARE(second.status, 201);
        QCOMPARE(itemsOf(second.body), (QStringList {u"faq:M1/fee"_s, u"faq:M1/big"_s}));
        const QJsonArray items = second.body.value(u"items"_s).toArray();
        QCOMPARE(items.at(0).toObject().value(u"change"_s).toString(), u"changed"_s);
        QCOMPARE(items.at(1).toObject().value(u"change"_s).toString(), u"removed"_s);
        QCOMPARE(second.body.value(u"departments"_s).toArray().toVariantList(), QVariantList({u"health"_s}));
    }

    void aWalkKeepsItsAnswersAndBundlesAreWalked()
    {
        const qint64 id = reviewedSubmission();
        QJsonObject bundleWalk;
        for (const QJsonValue &v : send("GET", u"catalogues/submissions/pending-walks"_s, m_counters.at(0))
                                       .body.value(u"walks"_s)
                                       .toArray())
            if (v.toObject().value(u"item"_s).toString().startsWith(u"bundle-situation:"_s))
                bundleWalk = v.toObject();
        // Offered as the bundle's, with each matter's answers.
        QCOMPARE(bundleWalk.value(u"bundle"_s).toString(), u"open-shop"_s);
        QCOMPARE(bundleWalk.value(u"matter"_s).toString(), QString());
        const QString situation = bundleWalk.value(u"situation"_s).toString();
        QVERIFY2(situation.endsWith(u" | scale=large"_s), qPrintable(situation));
        const QString item = bundleWalk.value(u"item"_s).toString();
        const Reply walked = send("POST", u"catalogues/submissions/%1/walks"_s.arg(id), m_counters.at(0),
            json({{u"situation"_s, item}, {u"clerk"_s, u"1001"_s}, {u"answers"_s, situation}}));
        QCOMPARE(walked.status, 200);
        QCOMPARE(walk(id, u"M2/scale=large"_s, 0).status, 200);
        const QJsonArray log = status(id).value(u"walks"_s).toArray();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).toObject().value(u"item"_s).toString(), item);
        QCOMPARE(log.at(0).toObject().value(u"answers"_s).toString(), situation);
        QCOMPARE(log.at(1).toObject().value(u"answers"_s).toString(), QString());
        // Walked here: no longer offered to this counter, still to the others.
        const auto offered = [&](int counter) {
            QStringList items;
            for (const QJsonValue &v :
                send("GET", u"catalogues/submissions/pending-walks"_s, m_counters.at(counter))
                    .body.value(u"walks"_s)
                    .toArray())
                items.append(v.toObject().value(u"item"_s).toString());
            return items;
        };
        QVERIFY(!offered(0).contains(item));
        QVERIFY(offered(1).contains(item));
    }

    void anObjectionReturnsIt()
    {
        const qint64 id = reviewedSubmission();
        QCOMPARE(walk(id, u"M2/scale=large"_s, 0).status, 200);
        const Reply objected = walk(id, u"M2/scale=large"_s, 1, u"清单缺少营业执照"_s);
        QCOMPARE(objected.status, 200);
        QCOMPARE(objected.body.value(u"state"_s).toString(), u"returned"_s);
        const QJsonArray objections = objected.body.value(u"objections"_s).toArray();
        QCOMPARE(objections.size(), 1);
        QCOMPARE(objections.at(0).toObject().value(u"source"_s).toString(), u"walk"_s);
        QCOMPARE(objections.at(0).toObject().value(u"counter"_s).toString(), u"33030201/W02"_s);
        QCOMPARE(publish(id).status, 409);

        // The back office objects too: also a return.
        const qint64 second = reviewedSubmission();
        walkAll(second, {0, 1, 2});
        const Reply refused = signOff(second, m_health, u"公共场所卫生许可的时限不对"_s);
        QCOMPARE(refused.body.value(u"state"_s).toString(), u"returned"_s);
        QCOMPARE(publish(second).status, 409);
        QCOMPARE(currentVersion(), u"1.0"_s);
    }

    void aFutureEffectiveDayKeepsTheOldVersionUntilThen()
    {
        const qint64 id = reviewedSubmission(u"2026-12-10"_s);
        walkAll(id, {0, 1, 2});
        QCOMPARE(signOff(id, m_health).status, 200);
        QCOMPARE(signOff(id, m_market).status, 200);
        QCOMPARE(publish(id).status, 200);
        QJsonObject current = send("GET", u"catalogues/current"_s, m_counters.at(0)).body;
        QCOMPARE(current.value(u"version"_s).toString(), u"1.0"_s);
        const QJsonObject next = current.value(u"next"_s).toObject();
        QCOMPARE(next.value(u"version"_s).toString(), u"1.1"_s);
        QCOMPARE(next.value(u"effective"_s).toString(), u"2026-12-10"_s);
        // Counters may fetch it ahead of the day.
        QCOMPARE(send("GET", u"catalogues/1.1"_s, m_counters.at(0)).status, 200);
        m_clock.set(QDateTime(QDate(2026, 12, 9), QTime(15, 59), Qt::UTC));
        QCOMPARE(currentVersion(), u"1.0"_s);
        m_clock.set(QDateTime(QDate(2026, 12, 10), QTime(2, 0), Qt::UTC));
        current = send("GET", u"catalogues/current"_s, m_counters.at(0)).body;
        QCOMPARE(current.value(u"version"_s).toString(), u"1.1"_s);
        QVERIFY(!current.contains(u"next"_s));
    }

    void rollbackMakesAnEarlierVersionCurrentAgain()
    {
        const qint64 id = reviewedSubmission();
        walkAll(id, {0, 1, 2});
        signOff(id, m_health);
        signOff(id, m_market);
        QCOMPARE(publish(id).status, 200);
        QCOMPARE(currentVersion(), u"1.1"_s);
        const QByteArray body = json(
            {{u"version"_s, u"1.0"_s}, {u"reason"_s, u"释"_s}, {u"note"_s, u"解释口径变化，暂回旧版"_s}});
        QCOMPARE(send("POST", u"catalogues/publications"_s, m_counters.at(0), body).status, 403);
        const Reply rolledBack = send("POST", u"catalogues/publications"_s, m_publisher, body);
        QCOMPARE(rolledBack.status, 201);
        QCOMPARE(currentVersion(), u"1.0"_s);
        QCOMPARE(send("GET", u"catalogues/current"_s, m_counters.at(0)).body.value(u"reason"_s).toString(),
            u"释"_s);
        // Never published, or without a reason: refused, nothing changes.
        QCOMPARE(send("POST", u"catalogues/publications"_s, m_publisher,
                     json({{u"version"_s, u"9.9"_s}, {u"reason"_s, u"释"_s}}))
                     .status,
            404);
        QCOMPARE(
            send("POST", u"catalogues/publications"_s, m_publisher, json({{u"version"_s, u"1.1"_s}})).status,
            422);
        QCOMPARE(currentVersion(), u"1.0"_s);
        // The history is kept: 1.0 published, 1.1 through its submission, 1.0 again as a rollback.
        const QJsonArray history
            = send("GET", u"catalogues/publications"_s, m_publisher).body.value(u"publications"_s).toArray();
        QCOMPARE(ids(history, "version"), QStringList({u"1.0"_s, u"1.1"_s, u"1.0"_s}));
        QCOMPARE(history.at(1).toObject().value(u"submission"_s).toInteger(), id);
        QVERIFY(history.at(2).toObject().value(u"rollback"_s).toBool());
        // Forward again: 1.1 is an earlier published version too.
        QCOMPARE(send("POST", u"catalogues/publications"_s, m_publisher,
                     json({{u"version"_s, u"1.1"_s}, {u"reason"_s, u"改"_s}}))
                     .status,
            201);
        QCOMPARE(currentVersion(), u"1.1"_s);
    }

    void locksConflictExpireAndAreReleasedOnSubmit()
    {
        auto lock = [&](const QString &matter, const QString &editor, int minutes = 0) {
            QJsonObject body {{u"matter"_s, matter}, {u"editor"_s, editor}};
            if (minutes)
                body.insert(u"minutes"_s, minutes);
            return send("POST", u"catalogues/locks"_s, m_publisher, json(body));
        };
        const Reply taken = lock(u"M2"_s, u"王编辑"_s);
        QCOMPARE(taken.status, 201);
        QCOMPARE(taken.body.value(u"expires"_s).toString(), u"2026-12-07T04:00:00.000Z"_s);
        const Reply busy = lock(u"M2"_s, u"张编辑"_s);
        QCOMPARE(busy.status, 409);
        QCOMPARE(busy.body.value(u"lock"_s).toObject().value(u"editor"_s).toString(), u"王编辑"_s);
        // The holder renews it; another editor cannot release it.
        QCOMPARE(lock(u"M2"_s, u"王编辑"_s, 30).status, 201);
        QCOMPARE(send("POST", u"catalogues/locks/release"_s, m_publisher,
                     json({{u"matter"_s, u"M2"_s}, {u"editor"_s, u"张编辑"_s}}))
                     .status,
            404);
        // 张 cannot submit a version that changes M2 while 王 edits it.
        const Reply refused = submit(kChanged, {}, {}, u"张编辑"_s);
        QCOMPARE(refused.status, 409);
        // Expired after its 30 minutes: 张 takes it.
        m_clock.advance(31 * 60 * 1000);
        QCOMPARE(lock(u"M2"_s, u"张编辑"_s).status, 201);
        QCOMPARE(send("GET", u"catalogues/locks"_s, m_publisher).body.value(u"locks"_s).toArray().size(), 1);
        // Submitting releases the submitter's locks on the matters submitted.
        QCOMPARE(submit(kChanged, {}, {}, u"张编辑"_s).status, 201);
        QVERIFY(send("GET", u"catalogues/locks"_s, m_publisher).body.value(u"locks"_s).toArray().isEmpty());
        QCOMPARE(lock(u"M2"_s, u"王编辑"_s).status, 201);
        QCOMPARE(send("POST", u"catalogues/locks/release"_s, m_publisher,
                     json({{u"matter"_s, u"M2"_s}, {u"editor"_s, u"王编辑"_s}}))
                     .status,
            200);
        QCOMPARE(lock(u"M2"_s, u"张编辑"_s, 100000).status, 422);
        QCOMPARE(send("POST", u"catalogues/locks"_s, m_counters.at(0),
                     json({{u"matter"_s, u"M2"_s}, {u"editor"_s, u"x"_s}}))
                     .status,
            403);
    }
};

QTEST_GUILESS_MAIN(TestCatalogueReview)
#include "tst_catalogueReview.moc"
