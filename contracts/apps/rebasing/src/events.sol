/// DS: the multiplier changed from `oldValue` to `newValue` (18 decimals).
event RebasingRateUpdated(uint256 oldValue, uint256 newValue);
