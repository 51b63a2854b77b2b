// SPDX-License-Identifier: MIT
#include "decisiontext.h"

#include <QLocale>
#include <QStringList>

#include <cmath>

namespace llm::scenario {
namespace {

using namespace Qt::StringLiterals;

// Thousands separators, as a reader expects them; English, like every CLI message.
const QLocale &english() {
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

QString number(double value) {
    const bool whole = std::fabs(value - std::round(value)) < 1e-9;
    return english().toString(value, 'f', whole ? 0 : 2);
}

QString gigabytes(double gb) {
    return english().toString(gb, 'f', gb >= 100 ? 0 : 1) + u" GB"_s;
}

QString needsPhrase(const DecisionSummary &s) {
    const auto n = s.needs.size();
    if (n == 1)
        return u"the need"_s;
    if (n == 2)
        return u"both needs"_s;
    return u"all "_s + QString::number(n) + u" needs"_s;
}

QString name(const DecisionSummary &s, std::size_t index) {
    return QString::fromStdString(s.builds[index].name);
}

QString fixClause(const BuildDecision &b) {
    const CheapestFix &f = *b.cheapestFix;
    return QString::fromStdString(b.name) + u" would, for "_s +
           priceText(f.newTotalEur, f.newTotalSource == PriceSource::Quote ? PriceSource::Quote
                                                                           : PriceSource::Estimate)
               .replace(u" (quote)"_s, u" (quote + estimated change)"_s) +
           u" in all, with one change: "_s + QString::fromStdString(f.description) + u" (+"_s +
           priceText(f.costEur, PriceSource::Estimate) + u")."_s;
}

} // namespace

QString priceText(const std::optional<double> &eur, PriceSource source) {
    if (!eur || source == PriceSource::Unknown)
        return u"price unknown"_s;
    if (source == PriceSource::Quote)
        return number(*eur) + u" EUR (quote)"_s;
    return u"≈ "_s + number(roundEstimateEur(*eur)) + u" EUR"_s;
}

QString needText(const UseCase &u) {
    const QString tokens =
        english().toString(std::lround(units::inTokens(u.promptTokens))) + u" tokens in / "_s +
        english().toString(std::lround(units::inTokens(u.generatedTokens))) + u" out"_s;
    const QString id = QString::fromStdString(u.id);
    if (const char *title = seedUseCaseTitle(u))
        return QString::fromUtf8(title) + u" ("_s + id + u", "_s + tokens + u')';
    return id + u" ("_s + tokens + u')';
}

QString needsMetText(const BuildDecision &b) {
    if (!b.fits)
        return u"does not fit: needs "_s + gigabytes(b.memoryNeededGb) + u", has "_s +
               gigabytes(b.memoryHasGb);
    QString out = QString::number(b.needsMet) + u" of "_s + QString::number(b.needsTotal);
    if (b.couldMiss > 0)
        out += u" ("_s + QString::number(b.couldMiss) + u" could miss)"_s;
    return out;
}

QString decisionText(const DecisionSummary &s) {
    if (s.builds.empty())
        return {};
    const QString model =
        QString::fromStdString(s.modelName) + u' ' + QString::fromStdString(s.quantName);
    QStringList lines;
    std::vector<std::size_t> passing;
    for (std::size_t i = 0; i < s.builds.size(); ++i)
        if (s.builds[i].meetsAll())
            passing.push_back(i);

    QString sentence;
    if (s.fitsNowhere()) {
        double largest = 0;
        for (const BuildDecision &b : s.builds)
            largest = std::max(largest, b.memoryHasGb);
        sentence = model + u" fits in none of the builds: it needs "_s +
                   gigabytes(s.builds.front().memoryNeededGb) + u", the largest has "_s +
                   gigabytes(largest) + u'.';
    } else if (passing.empty()) {
        sentence = u"For "_s + model + u" no build meets "_s + needsPhrase(s) + u'.';
    } else {
        const QString cheapest = s.cheapestMeetingAll
                                     ? name(s, *s.cheapestMeetingAll) + u" at "_s +
                                           priceText(s.builds[*s.cheapestMeetingAll].priceEur,
                                                     s.builds[*s.cheapestMeetingAll].priceSource)
                                     : u"none of them with a known price"_s;
        if (passing.size() == 1 && s.builds.size() > 1)
            sentence = u"For "_s + model + u" only "_s + name(s, passing.front()) + u" meets "_s +
                       needsPhrase(s) + u", at "_s +
                       priceText(s.builds[passing.front()].priceEur,
                                 s.builds[passing.front()].priceSource) +
                       u'.';
        else if (passing.size() == s.builds.size())
            sentence = u"For "_s + model + u" every build meets "_s + needsPhrase(s) +
                       u"; the cheapest is "_s + cheapest + u'.';
        else
            sentence = u"For "_s + model + u", "_s + QString::number(passing.size()) + u" of "_s +
                       QString::number(s.builds.size()) + u" builds meet "_s + needsPhrase(s) +
                       u"; the cheapest is "_s + cheapest + u'.';
    }
    for (const BuildDecision &b : s.builds)
        if (b.cheapestFix)
            sentence += u' ' + fixClause(b);
    lines << sentence;

    if (s.cheapestMeetingAll)
        lines << u"Cheapest that meets every need: "_s + name(s, *s.cheapestMeetingAll) + u'.';
    if (s.bestValue)
        lines << u"Best value: "_s + name(s, *s.bestValue) +
                     u" (lowest price per tok/s of writing speed among the builds that meet "
                     u"every need)."_s;
    if (s.mostHeadroom)
        lines << u"Most headroom: "_s + name(s, *s.mostHeadroom) +
                     u" (furthest above the targets in its closest use case)."_s;

    if (!s.options.empty()) {
        lines << u"Options that would meet "_s + needsPhrase(s) + u':';
        for (const DecisionOption &o : s.options) {
            const QString what = QString::fromStdString(o.what);
            const QString where = QString::fromStdString(o.buildName);
            const QString price = priceText(o.priceEur, o.priceSource);
            switch (o.kind) {
            case OptionKind::SmallerQuantization:
                lines << u"  - the same model at "_s + what + u": "_s + where + u" does, at "_s +
                             price + u'.';
                break;
            case OptionKind::SmallerModel:
                lines << u"  - a smaller model of the same family, "_s + what + u": "_s + where +
                             u" does, at "_s + price + u'.';
                break;
            case OptionKind::CatalogueBuild:
                lines << u"  - the cheapest build from the catalogue that does: "_s + what +
                             u", at "_s + price + u'.';
                break;
            }
        }
    }
    lines << u"Estimated prices: US list prices converted to EUR, excluding VAT, rounded; "
             u"quotes as typed."_s;
    return lines.join(u'\n') + u'\n';
}

} // namespace llm::scenario
