#include "core/Translations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;

/// Qt's own words in the Chinese workstation: the standard buttons (the login dialog's Cancel) and
/// Qt's file dialog come from Qt's translations, which installTranslations loads beside ours.
class TestQtTranslations : public QObject
{
    Q_OBJECT

    static QString cancelText()
    {
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        return buttons.button(QDialogButtonBox::Cancel)->text().remove(u'&');
    }

    static QString fileDialogAcceptText()
    {
        QFileDialog dialog(nullptr, QString(), QDir::tempPath());
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.setAcceptMode(QFileDialog::AcceptOpen);
        const auto *buttons = dialog.findChild<QDialogButtonBox *>();
        return buttons ? buttons->button(QDialogButtonBox::Open)->text().remove(u'&') : QString();
    }

private Q_SLOTS:
    void standardButtonsAndFileDialogInChinese()
    {
        QVERIFY2(ow::hasQtTranslations(u"zh_CN"_s), "Qt's translations are missing (qt6-translations-l10n)");
        ow::installTranslations(*qApp, u"zh_CN"_s);
        QCOMPARE(cancelText(), u"取消"_s);
        QVERIFY2(fileDialogAcceptText().startsWith(u"打开"_s), qPrintable(fileDialogAcceptText())); // 打开(O)
    }

    void aSecondLanguageReplacesTheFirst()
    {
        ow::installTranslations(*qApp, u"zh_CN"_s);
        // The language from the settings files comes after the command line's: it must replace it,
        // not stand behind it.
        ow::installTranslations(*qApp, u"en"_s);
        QCOMPARE(cancelText(), u"Cancel"_s);
        ow::installTranslations(*qApp, u"zh_CN"_s);
        QCOMPARE(cancelText(), u"取消"_s);
    }
};

QTEST_MAIN(TestQtTranslations)
#include "tst_qtTranslations.moc"
