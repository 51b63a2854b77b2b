// SPDX-License-Identifier: MIT
// Placeholder: implemented by the core work.
