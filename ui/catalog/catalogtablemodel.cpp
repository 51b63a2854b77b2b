// SPDX-License-Identifier: MIT
// The catalogue table model: rows from CatalogueEditor, locale-formatted
// numbers, origin marks, and edits handed to the edit handler.
#include "catalogtablemodel.h"

#include <QBrush>
#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QSet>

#include <cmath>
#include <limits>

namespace llm::ui {

using db::CatalogueTable;
using db::ColumnRule;
using db::EditResult;
using db::RowOrigin;
using db::RowValues;

namespace {

bool numeric(const ColumnRule &r) {
    return r.kind == ColumnRule::Integer || r.kind == ColumnRule::Real;
}

std::optional<double> cNumber(const QString &cell) {
    bool ok = false;
    const double v = QLocale::c().toDouble(cell, &ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

// A stored number for people: the user's locale, whole numbers in full.
QString localeNumber(double v, bool grouped) {
    QLocale locale;
    if (!grouped)
        locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return locale.toString(static_cast<qlonglong>(v));
    return locale.toString(v, 'g', QLocale::FloatingPointShortest);
}

// What the user typed, as the data layer reads it: a number written the local
// way ("24,5" in German) becomes C-locale text; anything else ("24 GiB",
// "NaN") is passed on for normaliseRow to accept or name.
QString storedText(const ColumnRule &rule, const QString &typed) {
    const QString t = typed.trimmed();
    if (!numeric(rule) || t.isEmpty())
        return t;
    bool ok = false;
    const double v = QLocale().toDouble(t, &ok);
    if (ok && std::isfinite(v))
        return db::formatNumber(v);
    return t;
}

} // namespace

QString originText(RowOrigin origin) {
    switch (origin) {
    case RowOrigin::Shipped:
        return CatalogTableModel::tr("shipped");
    case RowOrigin::Own:
        return CatalogTableModel::tr("yours");
    case RowOrigin::Override:
        return CatalogTableModel::tr("overridden");
    }
    return {};
}

EditResult applyUserRow(db::CatalogueEditor *editor, CatalogueTable table, const QString &fromName,
                        const std::optional<RowValues> &from, const QString &toName,
                        const std::optional<RowValues> &to) {
    const bool shipped = editor->shippedRow(table, from ? fromName : toName).has_value();
    if (!to) {
        if (!from)
            return {true, {}};
        return shipped ? editor->resetOverride(table, fromName)
                       : editor->deleteRow(table, fromName);
    }
    if (!from)
        return shipped ? editor->overrideRow(table, toName, *to) : editor->addRow(table, *to);
    return shipped ? editor->overrideRow(table, fromName, *to)
                   : editor->updateRow(table, fromName, *to);
}

CatalogTableModel::CatalogTableModel(db::CatalogueEditor *editor, CatalogueTable table,
                                     QObject *parent)
    : QAbstractTableModel(parent)
    , m_editor(editor)
    , m_table(table)
    , m_rules(db::columnRules(table)) {
    m_handler = [this](const UserRowEdit &e) {
        return applyUserRow(m_editor, e.table, e.nameBefore, e.before, e.nameAfter, e.after);
    };
    reload();
}

void CatalogTableModel::setReadOnly(bool readOnly) {
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QString CatalogTableModel::columnName(int column) const {
    if (column <= OriginColumn || column > m_rules.size())
        return {};
    return m_rules[column - 1].name;
}

int CatalogTableModel::columnOf(const QString &name) const {
    for (int i = 0; i < m_rules.size(); ++i) {
        if (m_rules[i].name == name)
            return i + 1;
    }
    return -1;
}

int CatalogTableModel::rowOf(const QString &name) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].values.value(QStringLiteral("name")) == name)
            return i;
    }
    return -1;
}

QString CatalogTableModel::nameAt(int row) const {
    return m_rows.value(row).values.value(QStringLiteral("name"));
}

RowOrigin CatalogTableModel::originAt(int row) const {
    return m_rows.value(row).origin;
}

const RowValues &CatalogTableModel::valuesAt(int row) const {
    return m_rows.at(row).values;
}

void CatalogTableModel::reload() {
    QString error;
    QList<db::CatalogueRow> fresh = m_editor->rows(m_table, &error);
    m_lastError = error;
    QList<std::optional<RowValues>> shipped;
    auto shippedFor = [&](const db::CatalogueRow &r) -> std::optional<RowValues> {
        if (r.origin != RowOrigin::Override)
            return std::nullopt;
        return m_editor->shippedRow(m_table, r.values.value(QStringLiteral("name")));
    };

    // Same rows as before (an edit of a cell): keep the order, so the view keeps
    // its selection and scroll position; only the values change.
    QSet<QString> oldNames, newNames;
    for (const db::CatalogueRow &r : m_rows)
        oldNames.insert(r.values.value(QStringLiteral("name")));
    for (const db::CatalogueRow &r : fresh)
        newNames.insert(r.values.value(QStringLiteral("name")));
    if (!m_rows.isEmpty() && oldNames == newNames && fresh.size() == m_rows.size()) {
        QList<db::CatalogueRow> ordered;
        for (const db::CatalogueRow &old : m_rows) {
            for (const db::CatalogueRow &r : fresh) {
                if (r.values.value(QStringLiteral("name")) ==
                    old.values.value(QStringLiteral("name"))) {
                    ordered.append(r);
                    break;
                }
            }
        }
        m_rows = ordered;
        for (const db::CatalogueRow &r : m_rows)
            shipped.append(shippedFor(r));
        m_shipped = shipped;
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_rows = fresh;
    for (const db::CatalogueRow &r : m_rows)
        shipped.append(shippedFor(r));
    m_shipped = shipped;
    endResetModel();
}

int CatalogTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CatalogTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rules.size()) + 1;
}

QVariant CatalogTableModel::cellValue(int row, int column, int role) const {
    const ColumnRule &rule = m_rules[column - 1];
    const QString cell = m_rows[row].values.value(rule.name);
    if (!numeric(rule) || cell.isEmpty()) {
        if (role == SortRole && numeric(rule))
            return -std::numeric_limits<double>::infinity(); // unknown sorts first
        return cell;
    }
    const auto v = cNumber(cell);
    if (!v)
        return cell;
    if (role == SortRole)
        return *v;
    return localeNumber(*v, role == Qt::DisplayRole);
}

QVariant CatalogTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const db::CatalogueRow &r = m_rows[row];
    const std::optional<RowValues> &shipped = m_shipped[row];
    const QString name = columnName(column);
    const bool overriddenCell =
        column != OriginColumn && shipped && shipped->value(name) != r.values.value(name);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case SortRole:
        if (column == OriginColumn)
            return role == SortRole ? QVariant(static_cast<int>(r.origin))
                                    : QVariant(originText(r.origin));
        return cellValue(row, column, role);
    case OriginRole:
        return static_cast<int>(r.origin);
    case NameRole:
        return r.values.value(QStringLiteral("name"));
    case ShippedValueRole:
        return overriddenCell ? shipped->value(name) : QVariant();
    case Qt::FontRole:
        if (overriddenCell || (column == OriginColumn && r.origin != RowOrigin::Shipped)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == OriginColumn && r.origin == RowOrigin::Shipped)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole: {
        if (column == OriginColumn) {
            switch (r.origin) {
            case RowOrigin::Shipped:
                return CatalogTableModel::tr(
                    "Shipped with the program. Editing a cell makes your own version "
                    "(an override); the shipped row stays and can be restored.");
            case RowOrigin::Own:
                return CatalogTableModel::tr("Your own row: you can change or delete it.");
            case RowOrigin::Override:
                return CatalogTableModel::tr(
                    "Your version of a shipped row; the changed cells are bold. "
                    "“Reset to shipped” restores the shipped values.");
            }
            return {};
        }
        if (overriddenCell) {
            const QString old = shipped->value(name);
            return CatalogTableModel::tr("Overridden; shipped value: %1")
                .arg(old.isEmpty() ? CatalogTableModel::tr("(empty)")
                                   : (cNumber(old) && numeric(m_rules[column - 1])
                                          ? localeNumber(*cNumber(old), true)
                                          : old));
        }
        return {};
    }
    case Qt::TextAlignmentRole:
        if (column != OriginColumn && numeric(m_rules[column - 1]))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::AccessibleDescriptionRole:
        if (overriddenCell)
            return CatalogTableModel::tr("overridden");
        return {};
    default:
        return {};
    }
}

QVariant CatalogTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == OriginColumn) {
        if (role == Qt::DisplayRole)
            return CatalogTableModel::tr("Origin");
        if (role == Qt::ToolTipRole)
            return CatalogTableModel::tr(
                "shipped: the program's data; yours: a row you added; overridden: your "
                "version of a shipped row");
        return {};
    }
    const ColumnRule &rule = m_rules[section - 1];
    if (role == Qt::DisplayRole)
        return rule.unit.isEmpty() ? rule.name
                                   : QStringLiteral("%1 (%2)").arg(rule.name, rule.unit);
    if (role == Qt::ToolTipRole)
        return CatalogTableModel::tr("%1 — allowed: %2%3")
            .arg(rule.name, rule.allowed(),
                 rule.required ? CatalogTableModel::tr("; required") : QString());
    return {};
}

Qt::ItemFlags CatalogTableModel::flags(const QModelIndex &index) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (m_readOnly || index.column() == OriginColumn)
        return f;
    // An override keeps the shipped name; an own row may be renamed.
    if (columnName(index.column()) == QLatin1String("name") &&
        m_rows[index.row()].origin != RowOrigin::Own)
        return f;
    return f | Qt::ItemIsEditable;
}

std::optional<UserRowEdit> CatalogTableModel::cellEdit(int row, int column, const QString &text,
                                                       QString *why) const {
    if (row < 0 || row >= m_rows.size() || column <= OriginColumn || column > m_rules.size()) {
        *why = CatalogTableModel::tr("no such cell");
        return std::nullopt;
    }
    const db::CatalogueRow &r = m_rows[row];
    const QString column_ = columnName(column);
    const QString name = r.values.value(QStringLiteral("name"));
    UserRowEdit e;
    e.table = m_table;
    e.nameBefore = name;
    if (r.origin != RowOrigin::Shipped)
        e.before = r.values;
    RowValues after = r.values;
    after.insert(column_, storedText(m_rules[column - 1], text));
    e.after = after;
    e.nameAfter = after.value(QStringLiteral("name"));
    e.text = CatalogTableModel::tr("Change %1 of “%2”").arg(column_, name);
    return e;
}

bool CatalogTableModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString current = m_rows[index.row()].values.value(columnName(index.column()));
    const QString stored = storedText(m_rules[index.column() - 1], value.toString());
    if (stored == current)
        return true; // nothing changed: no override, no undo step
    QString why;
    const auto edit = cellEdit(index.row(), index.column(), value.toString(), &why);
    const EditResult result = edit ? m_handler(*edit) : EditResult{false, why};
    if (!result.ok) {
        m_lastError = result.message;
        emit editRefused(result.message);
        return false;
    }
    m_lastError.clear();
    reload();
    return true;
}

} // namespace llm::ui
