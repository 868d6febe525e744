//! Native tests of the DS token.
