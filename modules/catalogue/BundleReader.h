#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/LoadContext.h"
#include "catalogue/TextTree.h"

namespace ow::catalogue {

/// Reads a `bundle` block (§10) and checks its lead department, member matters and presets.
class BundleReader
{
public:
    explicit BundleReader(LoadContext &context);

    Bundle read(const TextNode &node);

private:
    void readMember(const TextNode &node, Bundle &bundle);
    /// The bundle's `faq` blocks, whose conditions read the questions of its member matters.
    void readFaqs(const QList<const TextNode *> &nodes, Bundle &bundle);
    void checkPreset(
        const Matter &matter, const QString &questionId, const QString &answer, const SourceLocation &where);

    LoadContext &m_context;
};

} // namespace ow::catalogue
