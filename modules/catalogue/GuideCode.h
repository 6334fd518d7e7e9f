#pragma once

#include "catalogue/Answers.h"
#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace ow::catalogue {

struct Matter;
class SituationEngine;

/// What the QR code of the self-service checklist (/guide/ on onewindow-server) carries: the matter
/// and the applicant's answers, so the counter opens the same matter with the same answers without
/// retyping. Text form: "OWG1:<matter code>:<answer>;<answer>…", each answer written as
/// `catalogue walk --answer` takes it ("place-type=hotel", "extras=a+b", "area=150"), with '%',
/// ':' and ';' percent-encoded. Bounded: a code longer than kMaxLength or with more than kMaxAnswers
/// answers is refused before anything is split.
struct GuideCode
{
    static constexpr qsizetype kMaxLength = 1024;
    static constexpr int kMaxAnswers = 64;

    QString matterCode;
    QStringList answers; ///< "QUESTION=VALUE", in asking order

    /// Whether `text` is meant as a guide code (its prefix), valid or not.
    static bool isGuideCode(QStringView text);
    static Result<GuideCode> parse(QStringView text);
    QString toText() const;

    /// The answers as the engine reads them for `matter`; answers it cannot read (a question or
    /// option the catalogue no longer has) are left out and their text put into `ignored`.
    Answers answersFor(
        const SituationEngine &engine, const Matter &matter, QStringList *ignored = nullptr) const;
    /// The answers of an evaluation written back as texts, in asking order.
    static QStringList answerTexts(const Matter &matter, const Answers &answers);
};

} // namespace ow::catalogue
