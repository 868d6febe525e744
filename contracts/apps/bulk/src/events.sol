/// The master paused the bulk operator (OpenZeppelin's Pausable event).
event Paused(address account);
/// The master unpaused the bulk operator (OpenZeppelin's Pausable event).
event Unpaused(address account);
