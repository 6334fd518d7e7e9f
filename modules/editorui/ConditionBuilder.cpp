#include "editorui/ConditionBuilder.h"

#include "authoring/CatalogueDocument.h"
#include "authoring/EntryCondition.h"
#include "editorui/ConditionLabels.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

namespace ow::editorui {

using authoring::ConditionOperator;
using authoring::ConditionQuestion;
using authoring::ConditionRow;
using authoring::ConditionRows;
using authoring::EntryCondition;
using authoring::NodeRef;
using Test = ConditionOperator::Test;

namespace {

// A row's own text, with the ids: what the list's tooltip shows.
QString rowText(const ConditionRow &row)
{
    ConditionRows single;
    single.rows = {row};
    single.rows.first().group = 0;
    return single.toText();
}

QString numberText(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 12) : QString();
}

double numberOf(const QLineEdit *edit)
{
    bool ok = false;
    const double value = edit->text().trimmed().toDouble(&ok);
    return ok ? value : std::nan("");
}

QString rangeText(const ConditionQuestion &question)
{
    if (!question.min && !question.max)
        return {};
    return QStringLiteral("%1 – %2 %3")
        .arg(question.min ? numberText(*question.min) : QStringLiteral("−∞"),
            question.max ? numberText(*question.max) : QStringLiteral("∞"), question.unit)
        .trimmed();
}

} // namespace

ConditionBuilder::ConditionBuilder(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("conditionBuilder"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("conditionRows"));
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 5 + 8);
    // A row reads as a sentence, wrapped rather than cut off in the narrow form.
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    m_join = new QComboBox(this);
    m_join->setObjectName(QStringLiteral("conditionJoin"));
    m_join->addItem(tr("and: all rows hold"));
    m_join->addItem(tr("or: any row holds"));
    m_join->setToolTip(tr("How the rows (or the groups of rows) are joined. The rows of one group are joined "
                          "by the other word, in brackets."));
    m_add = new QPushButton(tr("Add a &line"), this);
    m_add->setObjectName(QStringLiteral("conditionAddRow"));
    m_add->setToolTip(tr("Add a row to the condition (Insert in the list)"));
    m_remove = new QPushButton(tr("Remove the row"), this);
    m_remove->setObjectName(QStringLiteral("conditionRemoveRow"));
    m_remove->setToolTip(tr("Remove the selected row (Delete in the list)"));

    m_rowEditor = new QWidget(this);
    m_question = new QComboBox(m_rowEditor);
    m_question->setObjectName(QStringLiteral("conditionQuestion"));
    m_question->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_question->setMinimumContentsLength(16);
    m_group = new QSpinBox(m_rowEditor);
    m_group->setObjectName(QStringLiteral("conditionGroup"));
    m_group->setToolTip(tr("Rows with the same group number are put in brackets together and joined by the "
                           "other word: with “and” between groups, the rows of a group are joined by “or”."));
    m_operator = new QComboBox(m_rowEditor);
    m_operator->setObjectName(QStringLiteral("conditionOperator"));
    m_options = new QListWidget(m_rowEditor);
    m_options->setObjectName(QStringLiteral("conditionOptions"));
    m_options->setMaximumHeight(m_options->fontMetrics().height() * 4 + 8);
    m_number = new QLineEdit(m_rowEditor);
    m_number->setObjectName(QStringLiteral("conditionNumber"));
    m_upper = new QLineEdit(m_rowEditor);
    m_upper->setObjectName(QStringLiteral("conditionUpper"));
    m_unit = new QLabel(m_rowEditor);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("conditionText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_apply = new QPushButton(tr("Appl&y"), this);
    m_apply->setObjectName(QStringLiteral("conditionApply"));
    m_apply->setToolTip(tr("Write the condition into the entry's file (Enter); Ctrl+Z undoes it"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("conditionMessage"));
    m_message->setWordWrap(true);

    auto *rowsLabel = new QLabel(tr("Con&dition rows:"), this);
    rowsLabel->setBuddy(m_list);
    auto *joinLabel = new QLabel(tr("&Join:"), this);
    joinLabel->setBuddy(m_join);
    auto *questionLabel = new QLabel(tr("&Question:"), m_rowEditor);
    questionLabel->setBuddy(m_question);
    auto *groupLabel = new QLabel(tr("Gro&up:"), m_rowEditor);
    groupLabel->setBuddy(m_group);
    auto *operatorLabel = new QLabel(tr("Relati&on:"), m_rowEditor);
    operatorLabel->setBuddy(m_operator);
    m_optionsLabel = new QLabel(tr("C&hoices:"), m_rowEditor);
    m_optionsLabel->setBuddy(m_options);
    m_numberLabel = new QLabel(tr("Num&ber:"), m_rowEditor);
    m_numberLabel->setBuddy(m_number);
    m_toLabel = new QLabel(tr("to"), m_rowEditor);
    auto *textLabel = new QLabel(tr("&Written as:"), this);
    textLabel->setBuddy(m_text);

    auto *header = new QHBoxLayout;
    header->addWidget(rowsLabel);
    header->addStretch(1);
    header->addWidget(joinLabel);
    header->addWidget(m_join);
    header->addWidget(m_add);
    header->addWidget(m_remove);

    // Numbers are short: the unit stays in view beside them.
    m_number->setMaximumWidth(m_number->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 14);
    m_upper->setMaximumWidth(m_number->maximumWidth());
    auto *numbers = new QHBoxLayout;
    numbers->addWidget(m_number);
    numbers->addWidget(m_toLabel);
    numbers->addWidget(m_upper);
    numbers->addWidget(m_unit);
    numbers->addStretch(1);
    auto *grid = new QGridLayout(m_rowEditor);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(questionLabel, 0, 0);
    grid->addWidget(m_question, 0, 1);
    grid->addWidget(groupLabel, 0, 2);
    grid->addWidget(m_group, 0, 3);
    grid->addWidget(operatorLabel, 1, 0);
    grid->addWidget(m_operator, 1, 1, 1, 3);
    grid->addWidget(m_optionsLabel, 2, 0, Qt::AlignTop);
    grid->addWidget(m_options, 2, 1, 1, 3);
    grid->addWidget(m_numberLabel, 3, 0);
    grid->addLayout(numbers, 3, 1, 1, 3);
    grid->setColumnStretch(1, 1);

    auto *text = new QHBoxLayout;
    text->addWidget(textLabel);
    text->addWidget(m_text, 1);
    text->addWidget(m_apply);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_list);
    layout->addWidget(m_rowEditor);
    layout->addLayout(text);
    layout->addWidget(m_message);

    // Tab goes down the builder as it reads.
    const QList<QWidget *> order {m_list, m_join, m_add, m_remove, m_question, m_group, m_operator, m_options,
        m_number, m_upper, m_text, m_apply};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    // Enter applies from every field (the text field and the buttons answer it themselves).
    for (QWidget *field : order)
        if (field != m_text && field != m_add && field != m_remove && field != m_apply)
            field->installEventFilter(this);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        if (!m_filling)
            showRow();
    });
    connect(m_join, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling)
            return;
        m_rows.join = index == 1 ? ConditionRows::Join::Or : ConditionRows::Join::And;
        rowEdited();
    });
    connect(m_add, &QPushButton::clicked, this, &ConditionBuilder::addRow);
    connect(m_remove, &QPushButton::clicked, this, &ConditionBuilder::removeRow);
    connect(m_question, &QComboBox::currentIndexChanged, this, [this] {
        const int current = m_list->currentRow();
        if (m_filling || current < 0)
            return;
        ConditionRow &row = m_rows.rows[current];
        row.question = m_question->currentData().toString();
        const ConditionQuestion *question = questionOf(row.question);
        if (!question)
            return;
        // The relation is kept where it suits the new question; options it does not have are dropped.
        const QList<ConditionOperator> offered = ConditionOperator::offeredFor(question->kind);
        if (!offered.contains(row.oper))
            row.oper = offered.first();
        QStringList kept;
        for (const QString &option : std::as_const(row.options))
            if (!question->labelOf(option).isEmpty())
                kept.append(option);
        row.options = kept;
        showRow();
        rowEdited();
    });
    connect(m_operator, &QComboBox::currentIndexChanged, this, [this] {
        const int current = m_list->currentRow();
        if (m_filling || current < 0)
            return;
        ConditionRow &row = m_rows.rows[current];
        const QVariantList chosen = m_operator->currentData().toList();
        if (chosen.size() != 5)
            return;
        row.oper.test = Test(chosen.at(0).toInt());
        row.oper.negated = chosen.at(1).toBool();
        row.oper.op = catalogue::Condition::Op(chosen.at(2).toInt());
        row.oper.upperOp = catalogue::Condition::Op(chosen.at(3).toInt());
        row.literal = chosen.at(4).toBool();
        if (row.oper.optionCount() == 1 && row.options.size() > 1)
            row.options = row.options.mid(0, 1);
        showRow();
        rowEdited();
    });
    connect(m_group, &QSpinBox::valueChanged, this, [this] {
        if (!m_filling)
            rowEdited();
    });
    connect(m_options, &QListWidget::itemChanged, this, [this](QListWidgetItem *changed) {
        const int current = m_list->currentRow();
        if (m_filling || current < 0)
            return;
        // A relation that takes one option: checking one unchecks the others.
        if (m_rows.rows.at(current).oper.optionCount() == 1 && changed->checkState() == Qt::Checked) {
            m_filling = true;
            for (int i = 0; i < m_options->count(); ++i)
                if (m_options->item(i) != changed)
                    m_options->item(i)->setCheckState(Qt::Unchecked);
            m_filling = false;
        }
        rowEdited();
    });
    connect(m_number, &QLineEdit::textEdited, this, &ConditionBuilder::rowEdited);
    connect(m_upper, &QLineEdit::textEdited, this, &ConditionBuilder::rowEdited);
    connect(m_text, &QLineEdit::textEdited, this, &ConditionBuilder::textEdited);
    connect(m_text, &QLineEdit::returnPressed, this, &ConditionBuilder::apply);
    connect(m_apply, &QPushButton::clicked, this, &ConditionBuilder::apply);
    hide();
}

ConditionBuilder::~ConditionBuilder() = default;

QString ConditionBuilder::message() const
{
    return m_message->text();
}

void ConditionBuilder::say(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b01c1c;") : QString());
}

const ConditionQuestion *ConditionBuilder::questionOf(const QString &id) const
{
    if (!m_condition)
        return nullptr;
    for (const ConditionQuestion &question : m_condition->questions())
        if (question.id == id)
            return &question;
    return nullptr;
}

void ConditionBuilder::load(const authoring::CatalogueDocument *document, const NodeRef &entry, bool editable)
{
    auto condition
        = document && entry.isValid() ? std::make_unique<EntryCondition>(*document, entry) : nullptr;
    if (!condition || !condition->isValid()) {
        m_condition.reset();
        hide();
        return;
    }
    const bool same
        = m_condition && m_condition->entry() == entry && m_condition->text() == condition->text();
    m_condition = std::move(condition);
    m_editable = editable;
    setEnabled(editable);
    show();
    if (same) {
        // Rows not applied yet stay; the names of the questions may have changed.
        showRows(m_list->currentRow());
        return;
    }
    m_text->setText(m_condition->text());
    say(QString(), false);
    m_rowsShown = true;
    if (m_condition->text().isEmpty()) {
        setRows(ConditionRows {}, -1);
        return;
    }
    Result<ConditionRows> rows = ConditionRows::fromText(m_condition->text());
    if (rows) {
        setRows(*rows, 0);
        return;
    }
    // A condition that does not parse (the live lint says where) or is deeper than rows can show.
    setRows(ConditionRows {}, -1);
    m_rowsShown = false;
    showRows(-1);
    say(rows.error().message(), false);
}

void ConditionBuilder::setRows(const ConditionRows &rows, int current)
{
    m_rows = rows;
    m_rows.normalize();
    showRows(std::min(current, int(m_rows.rows.size()) - 1));
}

void ConditionBuilder::showRows(int current)
{
    m_filling = true;
    m_list->clear();
    const QList<ConditionQuestion> questions
        = m_condition ? m_condition->questions() : QList<ConditionQuestion> {};
    for (int i = 0; i < m_rows.rows.size(); ++i) {
        auto *item = new QListWidgetItem(ConditionLabels::rowPhrase(m_rows, i, questions), m_list);
        item->setToolTip(rowText(m_rows.rows.at(i)));
    }
    m_join->setCurrentIndex(m_rows.join == ConditionRows::Join::Or ? 1 : 0);
    m_list->setEnabled(m_rowsShown);
    m_join->setEnabled(m_rowsShown);
    m_add->setEnabled(m_rowsShown);
    m_remove->setEnabled(m_rowsShown && current >= 0);
    m_list->setCurrentRow(current);
    m_filling = false;
    showRow();
}

void ConditionBuilder::showRow()
{
    const int current = m_list->currentRow();
    const bool hasRow = m_rowsShown && current >= 0 && current < m_rows.rows.size();
    m_rowEditor->setEnabled(hasRow);
    m_remove->setEnabled(hasRow);
    m_filling = true;
    m_question->clear();
    m_operator->clear();
    m_options->clear();
    m_number->clear();
    m_upper->clear();
    m_unit->clear();
    if (!hasRow) {
        m_filling = false;
        return;
    }
    const ConditionRow &row = m_rows.rows.at(current);
    const ConditionQuestion *question = questionOf(row.question);

    // Questions by their text (ids in the tooltip): those the entry may mention, and the row's own
    // even when it may not (the problem is said below the rows).
    for (const ConditionQuestion &q : m_condition->questions()) {
        if (!m_condition->allowed().contains(q.id) && q.id != row.question)
            continue;
        m_question->addItem(q.text, q.id);
        m_question->setItemData(m_question->count() - 1, q.id, Qt::ToolTipRole);
    }
    if (row.oper.test == Test::Literal)
        m_question->insertItem(0, tr("(no question)"), QString());
    else if (!question)
        m_question->addItem(tr("unknown question %1").arg(row.question), row.question);
    m_question->setCurrentIndex(m_question->findData(row.question));
    m_question->setToolTip(row.question);

    // The relations that suit the question's kind, and the row's own if it is none of them.
    QList<std::pair<ConditionOperator, bool>> offered;
    if (row.oper.test == Test::Literal) {
        offered = {{row.oper, true}, {row.oper, false}};
    } else {
        for (const ConditionOperator &oper :
            ConditionOperator::offeredFor(question ? question->kind : ConditionQuestion::Kind::Single))
            offered.append({oper, true});
        if (std::none_of(
                offered.cbegin(), offered.cend(), [&](const auto &o) { return o.first == row.oper; }))
            offered.append({row.oper, true});
    }
    for (const auto &[oper, literal] : offered) {
        m_operator->addItem(ConditionLabels::operatorLabel(oper, literal),
            QVariantList {int(oper.test), oper.negated, int(oper.op), int(oper.upperOp), literal});
        if (oper == row.oper && (oper.test != Test::Literal || literal == row.literal))
            m_operator->setCurrentIndex(m_operator->count() - 1);
    }

    m_group->setRange(1, m_rows.groupCount() + 1);
    m_group->setValue(row.group + 1);

    const bool takesOptions = row.oper.optionCount() > 0;
    m_options->setVisible(takesOptions);
    m_optionsLabel->setVisible(takesOptions);
    if (takesOptions) {
        QStringList missing = row.options;
        for (const ConditionQuestion::Option &option :
            question ? question->options : QList<ConditionQuestion::Option> {}) {
            auto *item = new QListWidgetItem(option.label, m_options);
            item->setData(Qt::UserRole, option.id);
            item->setToolTip(option.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(row.options.contains(option.id) ? Qt::Checked : Qt::Unchecked);
            missing.removeAll(option.id);
        }
        for (const QString &id : std::as_const(missing)) {
            auto *item = new QListWidgetItem(tr("unknown option %1").arg(id), m_options);
            item->setData(Qt::UserRole, id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
        m_options->setCurrentRow(0);
    }
    const int numbers = row.oper.numberCount();
    m_numberLabel->setVisible(numbers > 0);
    m_number->setVisible(numbers > 0);
    m_toLabel->setVisible(numbers > 1);
    m_upper->setVisible(numbers > 1);
    m_unit->setVisible(numbers > 0);
    if (numbers > 0) {
        m_number->setText(numberText(row.number));
        m_upper->setText(numberText(row.upper));
        m_unit->setText(question ? question->unit : QString());
        const QString range = question ? rangeText(*question) : QString();
        m_number->setPlaceholderText(range);
        m_upper->setPlaceholderText(range);
        m_number->setToolTip(range.isEmpty() ? QString() : tr("Allowed: %1").arg(range));
    }
    m_filling = false;
}

void ConditionBuilder::rowEdited()
{
    if (m_filling)
        return;
    int current = m_list->currentRow();
    if (current >= 0 && current < m_rows.rows.size() && m_rowEditor->isEnabled()) {
        ConditionRow &row = m_rows.rows[current];
        if (row.oper.optionCount() > 0) {
            row.options.clear();
            for (int i = 0; i < m_options->count(); ++i)
                if (m_options->item(i)->checkState() == Qt::Checked)
                    row.options.append(m_options->item(i)->data(Qt::UserRole).toString());
        }
        if (row.oper.numberCount() > 0)
            row.number = numberOf(m_number);
        if (row.oper.numberCount() > 1)
            row.upper = numberOf(m_upper);
        if (row.group != m_group->value() - 1) {
            // Rows of a group stand together: the row moves to its group, and stays the one selected.
            row.group = m_group->value() - 1;
            const ConditionRow moved = row;
            m_rows.normalize();
            current = int(m_rows.rows.indexOf(moved));
            showRows(current);
        }
    }
    m_filling = true;
    for (int i = 0; i < m_list->count() && i < m_rows.rows.size(); ++i) {
        m_list->item(i)->setText(ConditionLabels::rowPhrase(m_rows, i, m_condition->questions()));
        m_list->item(i)->setToolTip(rowText(m_rows.rows.at(i)));
    }
    m_filling = false;
    m_text->setText(m_rows.toText());
    const QStringList problems = m_rows.problems(m_condition->questions(), m_condition->allowed());
    say(problems.join(QLatin1Char('\n')), !problems.isEmpty());
}

void ConditionBuilder::textEdited(const QString &text)
{
    if (!m_condition)
        return;
    if (text.trimmed().isEmpty()) {
        m_rowsShown = true;
        setRows(ConditionRows {}, -1);
        say(QString(), false);
        return;
    }
    Result<catalogue::ConditionPtr> parsed
        = catalogue::parseCondition(text, SourceLocation {QString(), 0, 1});
    if (!parsed) {
        // The rows stay as they were until the text parses again.
        say(tr("Character %1: %2").arg(parsed.error().where().column).arg(parsed.error().message()), true);
        return;
    }
    Result<ConditionRows> rows = ConditionRows::fromCondition(**parsed);
    if (!rows) {
        m_rowsShown = false;
        m_rows = ConditionRows {};
        showRows(-1);
        say(rows.error().message(), false);
        return;
    }
    m_rowsShown = true;
    setRows(*rows, std::max(0, m_list->currentRow()));
    const QStringList problems = m_rows.problems(m_condition->questions(), m_condition->allowed());
    say(problems.join(QLatin1Char('\n')), !problems.isEmpty());
}

void ConditionBuilder::addRow()
{
    if (!m_condition || !m_rowsShown)
        return;
    const int current = m_list->currentRow();
    ConditionRow row;
    if (current >= 0) {
        row.question = m_rows.rows.at(current).question;
    } else if (!m_condition->allowed().isEmpty()) {
        row.question = m_condition->allowed().first();
    }
    const ConditionQuestion *question = questionOf(row.question);
    row.oper
        = ConditionOperator::offeredFor(question ? question->kind : ConditionQuestion::Kind::Single).first();
    row.number = question && question->min ? *question->min : 0;
    row.upper = question && question->max ? *question->max : row.number;
    row.group = m_rows.groupCount();
    m_rows.rows.append(row);
    showRows(int(m_rows.rows.size()) - 1);
    rowEdited();
    m_question->setFocus();
}

void ConditionBuilder::removeRow()
{
    const int current = m_list->currentRow();
    if (current < 0 || current >= m_rows.rows.size())
        return;
    m_rows.rows.removeAt(current);
    m_rows.normalize();
    showRows(std::min(current, int(m_rows.rows.size()) - 1));
    rowEdited();
    m_list->setFocus();
}

bool ConditionBuilder::apply()
{
    if (!m_condition || !m_editable)
        return false;
    const QString text = m_text->text().trimmed();
    if (!text.isEmpty()) {
        Result<catalogue::ConditionPtr> parsed
            = catalogue::parseCondition(text, SourceLocation {QString(), 0, 1});
        if (!parsed) {
            say(tr("Character %1: %2").arg(parsed.error().where().column).arg(parsed.error().message()),
                true);
            return false;
        }
        if (Result<ConditionRows> rows = ConditionRows::fromCondition(**parsed)) {
            const QStringList problems = rows->problems(m_condition->questions(), m_condition->allowed());
            if (!problems.isEmpty()) {
                say(problems.join(QLatin1Char('\n')), true);
                return false;
            }
        }
    }
    if (text == m_condition->text().trimmed()) {
        say(tr("The condition is as written."), false);
        return true;
    }
    say(QString(), false);
    Q_EMIT applied(m_condition->entry(), text);
    return true;
}

bool ConditionBuilder::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers() == Qt::NoModifier) {
            apply();
            return true;
        }
        if (watched == m_list && key->key() == Qt::Key_Delete) {
            removeRow();
            return true;
        }
        if (watched == m_list && key->key() == Qt::Key_Insert) {
            addRow();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ow::editorui
