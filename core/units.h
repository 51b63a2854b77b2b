// SPDX-License-Identifier: MIT
#pragma once
// Physical quantities of the estimator, as Boost.Units quantities.
//
// One coherent system in base units: metre, kilogram, second (for power and
// energy), byte, and three base dimensions of our own — token, transfer and
// FLOP — so that tokens/s can never be mixed up with Hz, MT/s or FLOP/s.
// Values are stored in base units; decimal prefixes (GB = 1e9 B, as in the
// seed document) are applied only in the factories and accessors below.

#include <boost/units/base_dimension.hpp>
#include <boost/units/base_unit.hpp>
#include <boost/units/base_units/information/byte.hpp>
#include <boost/units/base_units/si/kilogram.hpp>
#include <boost/units/base_units/si/meter.hpp>
#include <boost/units/base_units/si/second.hpp>
#include <boost/units/make_system.hpp>
#include <boost/units/physical_dimensions/energy.hpp>
#include <boost/units/physical_dimensions/frequency.hpp>
#include <boost/units/physical_dimensions/information.hpp>
#include <boost/units/physical_dimensions/power.hpp>
#include <boost/units/physical_dimensions/time.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/unit.hpp>

namespace llm::units {

namespace bu = boost::units;

struct token_base_dimension : bu::base_dimension<token_base_dimension, 1001> {};
struct transfer_base_dimension : bu::base_dimension<transfer_base_dimension, 1002> {};
struct flop_base_dimension : bu::base_dimension<flop_base_dimension, 1003> {};

struct token_base_unit : bu::base_unit<token_base_unit, token_base_dimension::dimension_type, 1001> {
    static const char *name() { return "token"; }
    static const char *symbol() { return "tok"; }
};
struct transfer_base_unit
    : bu::base_unit<transfer_base_unit, transfer_base_dimension::dimension_type, 1002> {
    static const char *name() { return "transfer"; }
    static const char *symbol() { return "T"; }
};
struct flop_base_unit : bu::base_unit<flop_base_unit, flop_base_dimension::dimension_type, 1003> {
    static const char *name() { return "floating-point operation"; }
    static const char *symbol() { return "FLOP"; }
};

using system = bu::make_system<bu::si::meter_base_unit, bu::si::kilogram_base_unit,
                               bu::si::second_base_unit, bu::information::byte_base_unit,
                               token_base_unit, transfer_base_unit, flop_base_unit>::type;

using byte_unit = bu::unit<bu::information_dimension, system>;
using second_unit = bu::unit<bu::time_dimension, system>;
using token_unit = bu::unit<token_base_dimension::dimension_type, system>;
using transfer_unit = bu::unit<transfer_base_dimension::dimension_type, system>;
using flop_unit = bu::unit<flop_base_dimension::dimension_type, system>;
using hertz_unit = bu::unit<bu::frequency_dimension, system>;
using watt_unit = bu::unit<bu::power_dimension, system>;
using joule_unit = bu::unit<bu::energy_dimension, system>;

template <class A, class B>
using divide_t = typename bu::divide_typeof_helper<A, B>::type;
template <class A, class B>
using multiply_t = typename bu::multiply_typeof_helper<A, B>::type;

using Bytes = bu::quantity<byte_unit>;
using Seconds = bu::quantity<second_unit>;
using Tokens = bu::quantity<token_unit>;
using Transfers = bu::quantity<transfer_unit>;
using Flops = bu::quantity<flop_unit>;            // also FLOP per clock cycle (cycles are counts)
using Frequency = bu::quantity<hertz_unit>;
using Power = bu::quantity<watt_unit>;
using Energy = bu::quantity<joule_unit>;
using ByteRate = bu::quantity<divide_t<byte_unit, second_unit>>;          // B/s
using TokenRate = bu::quantity<divide_t<token_unit, second_unit>>;        // tok/s
using TransferRate = bu::quantity<divide_t<transfer_unit, second_unit>>;  // T/s
using FlopRate = bu::quantity<divide_t<flop_unit, second_unit>>;          // FLOP/s
using BytesPerTransfer = bu::quantity<divide_t<byte_unit, transfer_unit>>;
using BytesPerToken = bu::quantity<divide_t<byte_unit, token_unit>>;
using FlopsPerToken = bu::quantity<divide_t<flop_unit, token_unit>>;
using SecondsPerToken = bu::quantity<divide_t<second_unit, token_unit>>;
using EnergyPerToken = bu::quantity<divide_t<joule_unit, token_unit>>;

inline constexpr byte_unit byte{};
inline constexpr second_unit second{};
inline constexpr token_unit token{};
inline constexpr transfer_unit transfer{};
inline constexpr flop_unit flop{};
inline constexpr hertz_unit hertz{};
inline constexpr watt_unit watt{};
inline constexpr joule_unit joule{};

// Factories: the only place where prefixes are applied. 1 GB = 1e9 B.
inline Bytes bytes(double v) { return v * byte; }
inline Bytes gigabytes(double v) { return v * 1e9 * byte; }
inline Bytes gibibytes(double v) { return v * 1073741824.0 * byte; }
inline Seconds seconds(double v) { return v * second; }
inline Seconds hours(double v) { return v * 3600.0 * second; }
inline Tokens tokens(double v) { return v * token; }
inline Transfers transfers(double v) { return v * transfer; }
inline Flops flops(double v) { return v * flop; }
inline Frequency gigahertz(double v) { return v * 1e9 * hertz; }
inline Power watts(double v) { return v * watt; }
inline Energy joules(double v) { return v * joule; }
inline ByteRate gigabytesPerSecond(double v) { return v * 1e9 * byte / second; }
inline TokenRate tokensPerSecond(double v) { return v * token / second; }
inline TransferRate megatransfersPerSecond(double v) { return v * 1e6 * transfer / second; }
inline TransferRate gigatransfersPerSecond(double v) { return v * 1e9 * transfer / second; }
inline FlopRate teraflopsPerSecond(double v) { return v * 1e12 * flop / second; }
inline BytesPerTransfer bytesPerTransfer(double v) { return v * byte / transfer; }
inline BytesPerToken bytesPerToken(double v) { return v * byte / token; }
inline FlopsPerToken flopsPerToken(double v) { return v * flop / token; }
inline SecondsPerToken secondsPerToken(double v) { return v * second / token; }

// Accessors: the only place where bare doubles leave the unit system.
inline double inBytes(Bytes q) { return q.value(); }
inline double inGigabytes(Bytes q) { return q.value() / 1e9; }
inline double inGibibytes(Bytes q) { return q.value() / 1073741824.0; }
inline double inSeconds(Seconds q) { return q.value(); }
inline double inTokens(Tokens q) { return q.value(); }
inline double inFlops(Flops q) { return q.value(); }
inline double inGigahertz(Frequency q) { return q.value() / 1e9; }
inline double inWatts(Power q) { return q.value(); }
inline double inKilowattHours(Energy q) { return q.value() / 3.6e6; }
inline double inGigabytesPerSecond(ByteRate q) { return q.value() / 1e9; }
inline double inTokensPerSecond(TokenRate q) { return q.value(); }
inline double inMegatransfersPerSecond(TransferRate q) { return q.value() / 1e6; }
inline double inTeraflopsPerSecond(FlopRate q) { return q.value() / 1e12; }
inline double inBytesPerToken(BytesPerToken q) { return q.value(); }
inline double inSecondsPerToken(SecondsPerToken q) { return q.value(); }

} // namespace llm::units
