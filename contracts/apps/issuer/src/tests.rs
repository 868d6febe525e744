//! Native tests of the token issuer's shape rules (the calls are tested on
//! the devnet, tests/tests/aux_services.rs).

use super::*;

#[test]
fn shapes_follow_ds() {
    assert_eq!(check_shapes(2, (0, 0), (0, 0)), Ok(()));
    assert_eq!(check_shapes(2, (3, 3), (3, 3)), Ok(()));
    assert_eq!(check_shapes(1, (0, 0), (0, 0)), Err(wrong_length(1, 2)));
    assert_eq!(check_shapes(3, (0, 0), (0, 0)), Err(wrong_length(3, 2)));
    assert_eq!(check_shapes(2, (0, 0), (2, 2)), Err(wrong_length(2, 3)));
    assert!(matches!(
        check_shapes(2, (1, 2), (0, 0)),
        Err(DSError::LengthMismatch(_))
    ));
    assert!(matches!(
        check_shapes(2, (0, 0), (3, 2)),
        Err(DSError::LengthMismatch(_))
    ));
    assert!(matches!(
        check_shapes(2, (31, 31), (0, 0)),
        Err(DSError::BatchTooLarge(_))
    ));
}
