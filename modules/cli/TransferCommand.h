#pragma once

#include "cases/CaseStore.h"
#include "cli/Console.h"

#include <QCommandLineParser>
#include <memory>

namespace ow::cli {

/// `onewindow-cli transfer slots|list|print|confirm|pending`: the handover of a counter's paper to
/// the departments (移交清单) over the case store, as TransferDesk does it at the workstation:
/// make and print a slot's list with its folder labels, confirm it with the folders scanned, and
/// list the lists still unconfirmed after their day. Personal data is printed masked.
class TransferCommand
{
public:
    explicit TransferCommand(Console &console)
        : m_console(console)
    {
    }

    int run(QStringList arguments);

private:
    int slots(const QStringList &arguments);
    int list(const QStringList &arguments);
    int print(const QStringList &arguments);
    int confirm(const QStringList &arguments);
    int pending(const QStringList &arguments);

    /// Opens the store in --data-dir, `making` a list: with the workstation --hall/--counter (its
    /// id names them); prints the error and returns null.
    std::unique_ptr<cases::CaseStore> open(const QCommandLineParser &parser, bool making = false);

    Console &m_console;
};

} // namespace ow::cli
