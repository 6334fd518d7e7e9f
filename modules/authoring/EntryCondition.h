#pragma once

#include "authoring/ConditionRows.h"
#include "authoring/DocumentEdit.h"
#include "catalogue/TextTree.h"
#include "core/Result.h"

namespace ow::authoring {

class CatalogueDocument;

/// The condition of one entry of an open catalogue — a question's, an option's, a requirement's, a faq's (a
/// bundle's over its matters' questions) or a matter's screening outcome's `when:` line — with the
/// questions of its matter that it may mention, and the edit that writes a new condition in its place.
class EntryCondition
{
    Q_DECLARE_TR_FUNCTIONS(ow::authoring::EntryCondition)

public:
    /// Reads the entry; `isValid()` is false for an entry that takes no condition.
    EntryCondition(const CatalogueDocument &document, const NodeRef &entry);

    bool isValid() const { return m_valid; }
    const NodeRef &entry() const { return m_entry; }
    /// The `when:` line (invalid when the entry has none yet).
    const NodeRef &line() const { return m_line; }
    /// The condition as written (empty when there is none).
    const QString &text() const { return m_text; }
    /// Every question of the matter, in order, with its options.
    const QList<ConditionQuestion> &questions() const { return m_questions; }
    /// The ids of the questions the condition may mention: those before the entry's question for a
    /// question or an option (docs/catalogue-format.md §9), all of them otherwise.
    const QStringList &allowed() const { return m_allowed; }

    /// The one edit that gives the entry `text` as its condition: the `when:` line rewritten, added
    /// (right under the entry's own line) or, for empty text, removed. Its focus is the entry.
    Result<Edit> edit(const CatalogueDocument &document, const QString &text) const;

private:
    void readLine(const NodeRef &entry, const catalogue::TextNode &node);
    void readBundleQuestions(const CatalogueDocument &document, const catalogue::TextNode &bundle);

    bool m_valid = false;
    NodeRef m_entry;
    NodeRef m_line;
    QString m_text;
    QList<ConditionQuestion> m_questions;
    QStringList m_allowed;
};

} // namespace ow::authoring
