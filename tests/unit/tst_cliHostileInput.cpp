#include "cli/CliApplication.h"
#include "core/InputExcerpt.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using ow::InputExcerpt;
using ow::cli::CliApplication;
using ow::cli::Console;

/// Every onewindow-cli command that echoes its input, fed hostile text (NUL, terminal escape
/// sequences, a bidirectional override, a lone surrogate, a 1 MB argument): what reaches the
/// terminal holds no raw control character and no line longer than a short excerpt needs.
class TestCliHostileInput : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QString hostile(const QString &kind)
    {
        if (kind == u"nul")
            return u"ab\0cd"_s.left(2) + QChar(0) + u"cd"_s;
        if (kind == u"esc")
            return u"\x1b[2J\x1b]0;pwned\x07x"_s;
        if (kind == u"bidi")
            return u"abc\u202Etxt.exe"_s;
        if (kind == u"surrogate")
            return u"x"_s + QChar(0xD800) + u"y"_s;
        return QString(1'000'000, u'9'); // "mb": a 1 MB argument
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyCommandQuotesInputSafely_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString demo = QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo");
        const QString data = m_dir.filePath(u"data"_s);
        const QString H = u"%H"_s; // replaced by the hostile text
        const QList<QStringList> commands {
            {u"validate"_s, u"id"_s, H},
            {u"validate"_s, u"uscc"_s, H},
            {u"validate"_s, u"phone"_s, H},
            {u"validate"_s, H, u"1"_s},
            {u"validate"_s, u"--"_s + H},
            {H},
            {u"catalogue"_s, H},
            {u"catalogue"_s, u"search"_s, demo, H},
            {u"catalogue"_s, u"lint"_s, H},
            {u"catalogue"_s, u"walk"_s, demo, u"--matter"_s, H},
            {u"catalogue"_s, u"walk"_s, demo, u"--matter"_s, u"330302-SC-001"_s, u"--answer"_s, H},
            {u"catalogue"_s, u"diff"_s, H, demo},
            {u"idcard"_s, u"decode"_s, H},
            {u"idcard"_s, H},
            {u"calendar"_s, u"add-workdays"_s, H, u"3"_s},
            {u"calendar"_s, u"add-workdays"_s, u"2026-03-02"_s, H},
            {u"calendar"_s, u"is-workday"_s, H},
            {u"calendar"_s, u"list"_s, H},
            {u"case"_s, u"show"_s, H, u"--data-dir"_s, data},
            {u"case"_s, u"list"_s, u"--state"_s, H, u"--data-dir"_s, data},
            {u"case"_s, H},
            {u"audit"_s, H},
            {u"document"_s, H},
            {u"document"_s, u"render"_s, u"--case"_s, H, u"--kind"_s, u"receipt"_s, u"--out"_s,
                m_dir.filePath(u"x.pdf"_s), u"--data-dir"_s, data},
            {u"document"_s, u"render"_s, u"--case"_s, u"1"_s, u"--kind"_s, H, u"--out"_s,
                m_dir.filePath(u"x.pdf"_s)},
            {u"document"_s, u"check-settings"_s, H},
            {u"camera"_s, H},
            {u"camera"_s, u"process"_s, H, m_dir.filePath(u"out.jpg"_s)},
            {u"case"_s, u"status"_s, H, u"approved"_s, u"--server"_s, u"http://127.0.0.1:1"_s, u"--key"_s,
                u"k"_s},
            {u"case"_s, u"status"_s, u"33030201-20260315-010001-7"_s, H, u"--server"_s,
                u"http://127.0.0.1:1"_s, u"--key"_s, u"k"_s},
            {u"sync"_s, H},
            {u"sync"_s, u"enrol"_s, u"--server"_s, H, u"--code"_s, u"c"_s, u"--data-dir"_s, data},
            {u"sync"_s, u"retry-scan"_s, H, u"--data-dir"_s, data},
            {u"server"_s, H},
            {u"server"_s, u"revoke"_s, H, u"--database"_s, m_dir.filePath(u"server.sqlite"_s)},
            {u"server"_s, u"enrol-code"_s, u"--hall"_s, H, u"--counter"_s, u"W01"_s, u"--database"_s,
                m_dir.filePath(u"server.sqlite"_s)},
            {u"catalogue"_s, u"publish"_s, H, u"--server"_s, u"http://127.0.0.1:1"_s, u"--key"_s, u"k"_s},
        };
        for (const QString &kind : {u"nul"_s, u"esc"_s, u"bidi"_s, u"surrogate"_s, u"mb"_s}) {
            for (const QStringList &command : commands) {
                QStringList arguments;
                for (const QString &argument : command)
                    arguments.append(QString(argument).replace(H, hostile(kind)));
                QString name = kind + u": "_s + command.join(u' ');
                QTest::newRow(qPrintable(name)) << arguments;
            }
        }
    }
    void everyCommandQuotesInputSafely()
    {
        QFETCH(QStringList, arguments);
        QString out;
        QString err;
        {
            Console console(&out, &err);
            CliApplication().run(QStringList {u"onewindow-cli"_s} + arguments, console);
        }
        const QString all = out + err;
        for (const QString &line : all.split(u'\n')) {
            const qsizetype unsafe = InputExcerpt::firstUnsafe(line);
            QVERIFY2(unsafe < 0 || line.at(unsafe) == u'\t',
                qPrintable(u"raw control character in: "_s + InputExcerpt::escaped(line.left(200))));
            QVERIFY2(line.size() <= 400,
                qPrintable(
                    u"a line of "_s + QString::number(line.size()) + u" characters: "_s + line.left(200)));
        }
        QVERIFY2(all.size() < 20'000, qPrintable(u"output of "_s + QString::number(all.size())));
    }
};

QTEST_GUILESS_MAIN(TestCliHostileInput)
#include "tst_cliHostileInput.moc"
