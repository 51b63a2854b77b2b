// SPDX-License-Identifier: MIT
#include "partlimits.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace llm::input {

namespace {

QString plain(double v) {
    return QString::number(v, 'f', QLocale::FloatingPointShortest);
}

QString withUnit(double v, const Limit &limit) {
    const QString unit = QString::fromLatin1(limit.unit);
    return unit.isEmpty() ? plain(v) : plain(v) + u' ' + unit;
}

} // namespace

QString describeLimit(const Limit &limit) {
    return (limit.minExclusive ? u"more than "_s : u"from "_s) + plain(limit.min) + u" up to "_s +
           withUnit(limit.max, limit);
}

QString limitProblem(const Limit &limit, double value, double scale) {
    const double v = value * scale;
    const QString found = u" (found "_s + QString::number(value) + u')';
    if (!std::isfinite(v) || v > limit.max)
        return u"too large: at most "_s + withUnit(limit.max / scale, limit) + found;
    if (limit.minExclusive ? !(v > limit.min) : !(v >= limit.min))
        return (limit.minExclusive ? u"must be more than "_s : u"must be at least "_s) +
               withUnit(limit.min / scale, limit) + found;
    return {};
}

} // namespace llm::input
