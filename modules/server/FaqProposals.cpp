#include "server/FaqProposals.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <algorithm>

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

QSet<QString> bigramsOf(const QString &text)
{
    if (text.size() < 2)
        return {text};
    QSet<QString> bigrams;
    for (qsizetype i = 0; i + 1 < text.size(); ++i)
        bigrams.insert(text.mid(i, 2));
    return bigrams;
}

/// One normalised wording and how it was written and answered.
struct Wording
{
    QString key; ///< normalised
    int count = 0;
    QHash<QString, int> written; ///< the text as recorded (trimmed) → times
    QList<cases::ClerkActivity> consultations;
};

/// The wording written most often (ties: the first one recorded).
QString mostWritten(const QHash<QString, int> &written, const QStringList &order)
{
    QString best;
    int most = 0;
    for (const QString &text : order)
        if (written.value(text) > most) {
            best = text;
            most = written.value(text);
        }
    return best;
}

QList<catalogue::Faq> faqsOf(const catalogue::Catalogue *published, const QString &code)
{
    if (!published)
        return {};
    if (const catalogue::Matter *matter = published->matter(code))
        return matter->faqs;
    if (const catalogue::Bundle *bundle = published->bundle(code))
        return bundle->faqs;
    return {};
}

QString nameOf(const catalogue::Catalogue *published, const QString &code)
{
    if (published) {
        if (const catalogue::Matter *matter = published->matter(code))
            return matter->name;
        if (const catalogue::Bundle *bundle = published->bundle(code))
            return bundle->name;
    }
    return code;
}

} // namespace

QJsonObject FaqProposal::toJson() const
{
    return QJsonObject {{u"matter"_s, QJsonObject {{u"code"_s, matter}, {u"name"_s, matterName}}},
        {u"question"_s, question}, {u"count"_s, count}, {u"variants"_s, QJsonArray::fromStringList(variants)},
        {u"answers"_s, QJsonArray::fromStringList(answers)}, {u"alreadyFaq"_s, alreadyFaq}};
}

QString FaqProposals::normalised(const QString &question)
{
    const QString folded = question.normalized(QString::NormalizationForm_KC).toLower();
    QString text;
    text.reserve(folded.size());
    for (const QChar c : folded)
        if (!c.isSpace() && !c.isPunct() && !c.isSymbol())
            text.append(c);
    static const QString particles = u"吗呢吧啊"_s;
    while (text.size() > 1 && particles.contains(text.back()))
        text.chop(1);
    return text;
}

double FaqProposals::similarity(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return a == b ? 1.0 : 0.0;
    const QSet<QString> x = bigramsOf(a);
    const QSet<QString> y = bigramsOf(b);
    const qsizetype shared = QSet<QString>(x).intersect(y).size();
    return double(shared) / double(x.size() + y.size() - shared);
}

bool FaqProposals::similar(const QString &a, const QString &b)
{
    return similarity(normalised(a), normalised(b)) >= kSimilarity;
}

QList<FaqProposal> FaqProposals::group(
    const QList<cases::ClerkActivity> &consultations, int minCount, const catalogue::Catalogue *published)
{
    // Per matter, the wordings by normalised text, in the order first recorded.
    QHash<QString, QList<Wording>> byMatter;
    QStringList matters;
    QHash<QString, QStringList> writtenOrder; // matter → texts as first recorded
    for (const cases::ClerkActivity &a : consultations) {
        const QString question = a.question().trimmed();
        if (a.kind != cases::ClerkActivity::kConsultation || question.isEmpty())
            continue;
        const QString key = normalised(question);
        if (key.isEmpty())
            continue;
        if (!byMatter.contains(a.matter))
            matters.append(a.matter);
        QList<Wording> &wordings = byMatter[a.matter];
        auto found
            = std::find_if(wordings.begin(), wordings.end(), [&](const Wording &w) { return w.key == key; });
        if (found == wordings.end()) {
            wordings.append(Wording {key, 0, {}, {}});
            found = std::prev(wordings.end());
        }
        ++found->count;
        ++found->written[question];
        found->consultations.append(a);
        if (!writtenOrder[a.matter].contains(question))
            writtenOrder[a.matter].append(question);
    }

    QList<FaqProposal> proposals;
    for (const QString &matter : std::as_const(matters)) {
        QList<Wording> wordings = byMatter.value(matter);
        // The most frequent wordings lead their groups; a wording joins the first leader it is
        // similar to, so a group never drifts through a chain of small changes.
        std::stable_sort(wordings.begin(), wordings.end(),
            [](const Wording &x, const Wording &y) { return x.count > y.count; });
        QList<QList<Wording>> groups;
        for (const Wording &w : std::as_const(wordings)) {
            auto leader = std::find_if(groups.begin(), groups.end(), [&](const QList<Wording> &g) {
                return similarity(g.constFirst().key, w.key) >= kSimilarity;
            });
            if (leader == groups.end())
                groups.append(QList<Wording> {w});
            else
                leader->append(w);
        }
        const QList<catalogue::Faq> faqs = faqsOf(published, matter);
        const QStringList order = writtenOrder.value(matter);
        for (const QList<Wording> &g : std::as_const(groups)) {
            FaqProposal p;
            p.matter = matter;
            p.matterName = nameOf(published, matter);
            QHash<QString, int> written;
            QList<cases::ClerkActivity> all;
            for (const Wording &w : g) {
                p.count += w.count;
                for (auto it = w.written.cbegin(); it != w.written.cend(); ++it)
                    written[it.key()] += it.value();
                all += w.consultations;
            }
            if (p.count < minCount)
                continue;
            p.question = mostWritten(written, order);
            QStringList others;
            for (const QString &text : order)
                if (written.contains(text) && text != p.question)
                    others.append(text);
            std::stable_sort(others.begin(), others.end(),
                [&](const QString &x, const QString &y) { return written.value(x) > written.value(y); });
            p.variants = others;
            std::stable_sort(all.begin(), all.end(),
                [](const cases::ClerkActivity &x, const cases::ClerkActivity &y) { return x.at > y.at; });
            for (const cases::ClerkActivity &a : std::as_const(all)) {
                const QString answer = a.detail.value("answer"_L1).toString().trimmed();
                if (!p.answers.contains(answer))
                    p.answers.append(answer);
                if (p.answers.size() == kMaxAnswers)
                    break;
            }
            p.alreadyFaq = std::any_of(faqs.cbegin(), faqs.cend(), [&](const catalogue::Faq &faq) {
                const QString known = normalised(faq.question);
                return std::any_of(written.keyBegin(), written.keyEnd(),
                    [&](const QString &text) { return similarity(known, normalised(text)) >= kSimilarity; });
            });
            proposals.append(p);
        }
    }
    std::stable_sort(proposals.begin(), proposals.end(), [](const FaqProposal &x, const FaqProposal &y) {
        return x.count != y.count ? x.count > y.count : x.matter < y.matter;
    });
    return proposals;
}

} // namespace ow::server
