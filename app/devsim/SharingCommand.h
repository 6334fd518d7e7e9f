#pragma once

#include <QStringList>
#include <QTextStream>

/// `onewindow-devsim sharing`: the data-sharing platform simulated on loopback (docs/data-sharing.md).
int runSharing(const QStringList &arguments, QTextStream &out, QTextStream &err);
/// Whether the command line asks for the sharing simulator, which draws its documents and so needs a
/// QGuiApplication (without a screen) where the other devices need only a QCoreApplication.
bool asksForSharing(int argc, char *argv[]);
