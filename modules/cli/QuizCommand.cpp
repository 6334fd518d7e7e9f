#include "cli/QuizCommand.h"

#include "catalogue/CatalogueLoader.h"
#include "cli/SubcommandParser.h"
#include "core/InputExcerpt.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace ow::cli {

using namespace catalogue;
using namespace Qt::StringLiterals;

namespace {

QString materialName(const Catalogue &catalogue, const QString &id)
{
    const Material *material = catalogue.material(id);
    return material ? material->name : id;
}

QJsonObject questionJson(const Catalogue &catalogue, const PracticeQuestion &question)
{
    QJsonArray facts;
    for (const PracticeFact &fact : question.facts)
        facts.append(QJsonObject {
            {u"matter"_s, fact.matterCode}, {u"question"_s, fact.question}, {u"answer"_s, fact.answer}});
    QJsonArray choices;
    for (const QString &id : question.choices)
        choices.append(QJsonObject {{u"material"_s, id}, {u"name"_s, materialName(catalogue, id)}});
    QJsonObject object {{u"subject"_s, question.subject()}, {u"title"_s, question.title},
        {u"frequency"_s, keyword(question.frequency, kFrequencyKeywords)},
        {u"situation"_s, question.situationKey}, {u"facts"_s, facts}, {u"choices"_s, choices},
        {u"required"_s, QJsonArray::fromStringList(question.required())}};
    if (!question.bundleId.isEmpty())
        object.insert(u"matters"_s, QJsonArray::fromStringList(question.matterCodes));
    return object;
}

} // namespace

int QuizCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "A practice quiz: each question tells a real situation of a matter; type the numbers of the "
        "materials the applicant must bring, and the counter's engine marks the answer with the review "
        "points of what was missed. Exit 0 when the quiz passes, 1 when not. --json prints the quiz "
        "with its key instead (for a paper exam). Nothing is recorded here."));
    parser.addPositionalArgument(u"DIR"_s, QCoreApplication::translate("ow::cli", "the catalogue folder"));
    const QCommandLineOption matter(u"matter"_s,
        QCoreApplication::translate(
            "ow::cli", "Ask about this matter or bundle (repeat; default: the whole catalogue)."),
        u"CODE"_s);
    const QCommandLineOption questions(u"questions"_s,
        QCoreApplication::translate("ow::cli", "Questions in the quiz, 1–100 (default 10)."), u"N"_s,
        QString::number(PracticeSettings().questionCount));
    const QCommandLineOption seed(u"seed"_s,
        QCoreApplication::translate("ow::cli",
            "Draw the quiz from this number (default: a random one); the same seed, the same quiz."),
        u"N"_s);
    const QCommandLineOption passMark(u"pass-mark"_s,
        QCoreApplication::translate(
            "ow::cli", "The share of the score that passes, in percent (default 80)."),
        u"PERCENT"_s, QString::number(PracticeSettings().passMarkPercent));
    parser.addOptions({matter, questions, seed, passMark, jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli catalogue quiz"_s, arguments, 1))
        return *stop;

    bool ok = false;
    PracticeSettings settings;
    settings.questionCount = parser.value(questions).toInt(&ok);
    if (!ok || settings.questionCount < 1 || settings.questionCount > 100) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "--questions takes a number from 1 to 100, not '%1'")
                               .arg(Console::quote(parser.value(questions)))
                        << '\n';
        return 2;
    }
    settings.passMarkPercent = parser.value(passMark).toInt(&ok);
    if (!ok || settings.passMarkPercent < 0 || settings.passMarkPercent > 100) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "--pass-mark takes a percentage from 0 to 100, not '%1'")
                               .arg(Console::quote(parser.value(passMark)))
                        << '\n';
        return 2;
    }
    quint32 quizSeed = QRandomGenerator::global()->generate();
    if (parser.isSet(seed)) {
        quizSeed = parser.value(seed).toUInt(&ok);
        if (!ok) {
            m_console.err() << QCoreApplication::translate("ow::cli", "--seed takes a whole number, not '%1'")
                                   .arg(Console::quote(parser.value(seed)))
                            << '\n';
            return 2;
        }
    }

    const QString directory = parser.positionalArguments().at(0);
    CatalogueLoader::Outcome loaded = CatalogueLoader::load(directory);
    if (!loaded.catalogue) {
        for (const Diagnostic &d : loaded.diagnostics)
            if (d.severity == Diagnostic::Severity::Error)
                m_console.err() << InputExcerpt::bounded(d.toString(), Console::kMaxMessageLine) << '\n';
        m_console.err() << QCoreApplication::translate("ow::cli", "the catalogue in %1 could not be loaded")
                               .arg(Console::quote(directory))
                        << '\n';
        return 2;
    }
    const Catalogue &catalogue = *loaded.catalogue;
    const SituationEngine engine(loaded.catalogue);
    Result<QList<PracticeQuestion>> quiz
        = PracticeQuiz(engine, settings).generate(parser.values(matter), quizSeed);
    if (!quiz) {
        m_console.err() << InputExcerpt::bounded(quiz.error().message(), Console::kMaxMessageLine) << '\n';
        return 2;
    }

    if (parser.isSet(jsonOption())) {
        QJsonArray list;
        for (const PracticeQuestion &question : std::as_const(*quiz))
            list.append(questionJson(catalogue, question));
        m_console.printJson(QJsonDocument(QJsonObject {{u"catalogue"_s, catalogue.id},
            {u"version"_s, catalogue.version}, {u"seed"_s, qint64(quizSeed)},
            {u"passMark"_s, settings.passMarkPercent}, {u"questions"_s, list}}));
        return 0;
    }

    PracticeScore score(settings.passMarkPercent);
    const int count = int(quiz->size());
    for (int i = 0; i < count; ++i) {
        const PracticeQuestion &question = quiz->at(i);
        printQuestion(catalogue, i, count, question);
        QStringList picks;
        if (!readPicks(question, &picks)) {
            m_console.out() << '\n'
                            << QCoreApplication::translate(
                                   "ow::cli", "The input ended: %1 of %2 questions answered.")
                                   .arg(i)
                                   .arg(count)
                            << '\n';
            break;
        }
        printMarks(catalogue, question, score.add(question, picks), settings.passMarkPercent);
    }
    if (score.questions().isEmpty())
        return 2;
    const QString total = score.passed()
        ? QCoreApplication::translate("ow::cli", "Total %1 / %2 (%3%): passed")
              .arg(score.score())
              .arg(score.maxScore())
              .arg(score.percent())
        : QCoreApplication::translate("ow::cli", "Total %1 / %2 (%3%): not passed, the pass mark is %4%")
              .arg(score.score())
              .arg(score.maxScore())
              .arg(score.percent())
              .arg(settings.passMarkPercent);
    m_console.out() << '\n' << total << '\n';
    return score.passed() ? 0 : 1;
}

void QuizCommand::printQuestion(
    const Catalogue &catalogue, int index, int count, const PracticeQuestion &question)
{
    const QString kind = question.bundleId.isEmpty() ? displayName(question.frequency)
                                                     : QCoreApplication::translate("ow::cli", "bundle");
    m_console.out() << '\n'
                    << QCoreApplication::translate("ow::cli", "Question %1 of %2: %3 · %4")
                           .arg(index + 1)
                           .arg(count)
                           .arg(question.title, kind)
                    << '\n';
    if (question.facts.isEmpty())
        m_console.out() << "  "
                        << QCoreApplication::translate(
                               "ow::cli", "This matter has one situation: no question splits it.")
                        << '\n';
    for (const PracticeFact &fact : question.facts)
        m_console.out() << "  " << fact.question << "  " << fact.answer << '\n';
    for (qsizetype c = 0; c < question.choices.size(); ++c)
        m_console.out() << u"  %1. "_s.arg(c + 1, 2) << materialName(catalogue, question.choices.at(c))
                        << '\n';
}

bool QuizCommand::readPicks(const PracticeQuestion &question, QStringList *picks)
{
    static const QRegularExpression separators(u"[\\s,，、]+"_s);
    for (;;) {
        m_console.out() << QCoreApplication::translate(
            "ow::cli", "Materials the applicant must bring (numbers, e.g. 1 3 4): ");
        m_console.out().flush();
        QString line;
        if (!m_input.readLineInto(&line))
            return false;
        picks->clear();
        QString bad;
        for (const QString &part : line.split(separators, Qt::SkipEmptyParts)) {
            bool ok = false;
            const int number = part.toInt(&ok);
            if (!ok || number < 1 || number > question.choices.size()) {
                bad = part;
                break;
            }
            if (!picks->contains(question.choices.at(number - 1)))
                picks->append(question.choices.at(number - 1));
        }
        if (bad.isEmpty())
            return true;
        m_console.out() << QCoreApplication::translate(
            "ow::cli", "'%1' is not a number of the list; type the numbers again.")
                               .arg(Console::quote(bad))
                        << '\n';
    }
}

void QuizCommand::printMarks(
    const Catalogue &catalogue, const PracticeQuestion &question, const QuestionScore &score, int passMark)
{
    m_console.out() << (score.passed
            ? QCoreApplication::translate("ow::cli", "Score %1 / %2: passed")
                  .arg(score.score)
                  .arg(score.maxScore)
            : QCoreApplication::translate("ow::cli", "Score %1 / %2: below the pass mark of %3%")
                  .arg(score.score)
                  .arg(score.maxScore)
                  .arg(passMark))
                    << '\n';
    for (const QString &id : score.missed) {
        m_console.out()
            << "  " << QCoreApplication::translate("ow::cli", "missed: %1").arg(materialName(catalogue, id))
            << '\n';
        if (const ChecklistLine *line = question.checklist.find(id))
            for (const ReviewPoint &point : line->reviewPoints)
                m_console.out() << "    " << displayName(point.kind) << u"："_s << point.text << '\n';
    }
    for (const QString &id : score.wrong)
        m_console.out() << "  "
                        << (PracticeScore::isDataShared(question, id)
                                   ? QCoreApplication::translate(
                                       "ow::cli", "not to be brought: %1 (data-shared: the hall fetches it)")
                                   : QCoreApplication::translate(
                                       "ow::cli", "not to be brought: %1 (not required in this situation)"))
                               .arg(materialName(catalogue, id))
                        << '\n';
}

} // namespace ow::cli
