#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ow::synthgen {

/// A bundle (一件事) theme: what a citizen wants done and which departments take part.
struct BundleTheme
{
    QString id;
    QString name;
    QString description;
    QStringList keywords;
    QStringList departments; ///< the first is the lead department
};

/// The bundles (一件事) a county hall offers, each with the departments whose matters it joins.
class BundleThemes
{
public:
    static const QList<BundleTheme> &all();
};

} // namespace ow::synthgen
