#include "ui/ApplicantForm.h"
#include "ui/ComboTypeAhead.h"

#include <QApplication>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QTest>

using namespace Qt::StringLiterals;

/// The applicant form's province box: typing picks the province typed, however slowly it comes.
class TestComboTypeAhead : public QObject
{
    Q_OBJECT

    std::unique_ptr<ow::ui::ApplicantForm> m_form;
    QComboBox *m_province = nullptr;

    void commit(const QString &text)
    {
        QInputMethodEvent event;
        event.setCommitString(text);
        QApplication::sendEvent(m_province, &event);
    }

    /// Key presses carrying Chinese text, one character each, as an input method sends them where
    /// the widget does not take its composing text (QTest::keyClicks takes ASCII only).
    void type(const QString &text)
    {
        for (const QChar c : text) {
            QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
            QApplication::sendEvent(m_province, &press);
            QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
            QApplication::sendEvent(m_province, &release);
        }
    }

private Q_SLOTS:
    void init()
    {
        m_form = std::make_unique<ow::ui::ApplicantForm>();
        m_form->show();
        m_province = m_form->findChild<QComboBox *>(u"province"_s);
        QVERIFY(m_province);
        m_province->setFocus();
        // An input method takes its time between characters: Qt's own type-ahead has forgotten the
        // first by then. An interval of 0 is that, without waiting.
        QApplication::setKeyboardInputInterval(0);
    }

    void typingZhejiangPicksZhejiang()
    {
        type(u"浙江"_s);
        QCOMPARE(m_province->currentText(), u"浙江省"_s);
        QTest::keyClick(m_province, Qt::Key_Escape);
        type(u"江苏"_s);
        QCOMPARE(m_province->currentText(), u"江苏省"_s);
    }

    void inputMethodTextPicksTheMatch()
    {
        QVERIFY(m_province->testAttribute(Qt::WA_InputMethodEnabled));
        commit(u"浙江"_s);
        QCOMPARE(m_province->currentText(), u"浙江省"_s);
        // Then the city box offers Zhejiang's cities.
        auto *city = m_form->findChild<QComboBox *>(u"city"_s);
        QVERIFY(city->findText(u"温州市"_s) >= 0);
    }

    void nothingMatchingStartsAfresh()
    {
        type(u"浙江"_s);
        type(u"广"_s); // 浙江广 matches nothing: a new search for 广
        QVERIFY2(m_province->currentText().startsWith(u"广"_s), qPrintable(m_province->currentText()));
        QTest::keyClick(m_province, Qt::Key_Backspace);
        type(u"西"_s);
        QVERIFY2(m_province->currentText().startsWith(u"西"_s) || m_province->currentText().contains(u"西"_s),
            qPrintable(m_province->currentText()));
    }

    void insideTheName()
    {
        type(u"维吾尔"_s); // 新疆维吾尔自治区: contained, not at the start
        QCOMPARE(m_province->currentText(), u"新疆维吾尔自治区"_s);
    }
};

QTEST_MAIN(TestComboTypeAhead)
#include "tst_comboTypeAhead.moc"
