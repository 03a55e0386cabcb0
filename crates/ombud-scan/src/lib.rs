//! Personal-data scanner (to be written).
