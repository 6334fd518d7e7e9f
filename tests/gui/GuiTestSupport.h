#pragma once

// Shared helpers of the GUI tests: the test catalogue, keys to whatever has the focus, screenshots.

#include "catalogue/CatalogueLoader.h"

#include <QApplication>
#include <QDir>
#include <QTest>
#include <QWidget>

namespace ow::test {

/// The catalogue the GUI tests are written against (tests/data/ui), loaded once.
inline catalogue::CataloguePtr uiCatalogue()
{
    static catalogue::CataloguePtr loaded = [] {
        const catalogue::CatalogueLoader::Outcome outcome
            = catalogue::CatalogueLoader::load(QStringLiteral(OW_TEST_DATA_DIR "/ui"));
        for (const catalogue::Diagnostic &diagnostic : outcome.diagnostics)
            if (diagnostic.severity == catalogue::Diagnostic::Severity::Error)
                qWarning().noquote() << diagnostic.toString();
        return outcome.catalogue;
    }();
    return loaded;
}

/// Presses a key where the keyboard focus is, as a clerk would.
inline void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY2(target, "no widget has the keyboard focus");
    QTest::keyClick(target, Qt::Key(key), modifiers);
}

/// Types text where the keyboard focus is.
inline void type(const QString &text)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY2(target, "no widget has the keyboard focus");
    QTest::keyClicks(target, text);
}

} // namespace ow::test
