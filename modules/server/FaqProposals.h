#pragma once

#include "cases/ClerkActivity.h"
#include "catalogue/Catalogue.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow::server {

/// A question the counters recorded often enough to be proposed to catalogue staff as a FAQ entry
/// of its matter (docs/editor.md "Frequent questions").
struct FaqProposal
{
    QString matter; ///< the matter's code (a bundle's id for a bundle's consultation)
    QString matterName; ///< from the published catalogue; the code where it lacks the matter
    QString question; ///< the wording recorded most often
    int count = 0; ///< the consultations of the group
    QStringList variants; ///< the other wordings, most frequent first
    QStringList answers; ///< the answers given, newest first, each once, at most kMaxAnswers
    bool alreadyFaq = false; ///< the published matter has a FAQ with a similar question

    /// {"matter": {"code", "name"}, "question", "count", "variants", "answers", "alreadyFaq"}.
    QJsonObject toJson() const;
};

/// Groups the recorded questions of consultations (cases::ClerkActivity with a question) per matter:
/// first by their normalised text, then a wording joins the group of the most frequent wording it is
/// similar to (character-bigram Jaccard of the normalised texts at least kSimilarity); groups of at
/// least `minCount` are proposals, most frequent first.
class FaqProposals
{
public:
    static constexpr double kSimilarity = 0.6;
    static constexpr int kMaxAnswers = 5;

    /// Full-width forms folded to half-width (NFKC), lower case, every space, punctuation mark and
    /// symbol taken out, and the question particles 吗, 呢, 吧 and 啊 at the end dropped: "可以代办吗？"
    /// and "可以代办 ?" read alike.
    static QString normalised(const QString &question);
    /// The Jaccard index of the two texts' character bigrams (a one-character text is its own
    /// bigram); both texts normalised already.
    static double similarity(const QString &a, const QString &b);
    /// Whether two questions, as written, ask the same by this rule.
    static bool similar(const QString &a, const QString &b);

    /// The proposals of `consultations` (those without a question are skipped) with at least
    /// `minCount` consultations each. `published` (may be null) names the matters and marks the
    /// questions its matters' or bundles' FAQs already answer.
    static QList<FaqProposal> group(const QList<cases::ClerkActivity> &consultations, int minCount,
        const catalogue::Catalogue *published);
};

} // namespace ow::server
