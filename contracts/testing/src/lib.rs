//! The test host of the DS contracts' native tests: the SDK's `TestVM` for
//! storage, logs, sender and time, with its own call mocks.
//!
//! Why not `TestVM`'s `mock_call` / `mock_static_call` alone: in
//! stylus-test 0.10.10 `read_return_data` answers with the data of the mock
//! registered LAST, whichever mock the call matched, so a function making two
//! calls (Trust role, then token balance) reads the wrong answer. This host
//! matches calls on (address, calldata) like `TestVM`, returns the matched
//! mock's data, records every call, refuses (reverts) unmocked calls so a
//! call that must not happen fails loudly, and counts SLOADs.

use std::{cell::RefCell, collections::HashMap, rc::Rc, slice};

use alloy_primitives::{Address, B256, U256};
use stylus_sdk::{stylus_core::host::*, testing::TestVM};

/// One recorded outgoing call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedCall {
    /// True for STATICCALL.
    pub is_static: bool,
    /// Callee.
    pub to: Address,
    /// Calldata.
    pub data: Vec<u8>,
}

/// A mocked call: (is static, callee, calldata) and its answer.
type Mocks = HashMap<(bool, Address, Vec<u8>), Result<Vec<u8>, Vec<u8>>>;

#[derive(Default)]
struct State {
    mocks: Mocks,
    calls: Vec<RecordedCall>,
    return_data: Vec<u8>,
    sloads: usize,
}

/// `TestVM` plus exact call mocks (see the module docs).
#[derive(Clone, Default)]
pub struct MockHost {
    /// The wrapped VM (storage, logs, sender, time).
    pub vm: TestVM,
    state: Rc<RefCell<State>>,
}

impl MockHost {
    /// A fresh host around a default `TestVM`.
    pub fn new() -> Self {
        Self {
            vm: TestVM::default(),
            state: Rc::default(),
        }
    }

    /// Answers STATICCALLs of `data` to `to` with `result`.
    pub fn mock_static(&self, to: Address, data: Vec<u8>, result: Result<Vec<u8>, Vec<u8>>) {
        self.state
            .borrow_mut()
            .mocks
            .insert((true, to, data), result);
    }

    /// Answers CALLs of `data` to `to` with `result`.
    pub fn mock_call(&self, to: Address, data: Vec<u8>, result: Result<Vec<u8>, Vec<u8>>) {
        self.state
            .borrow_mut()
            .mocks
            .insert((false, to, data), result);
    }

    /// Forgets the mock of one static call (it then reverts).
    pub fn unmock_static(&self, to: Address, data: Vec<u8>) {
        self.state.borrow_mut().mocks.remove(&(true, to, data));
    }

    /// Every call made so far.
    pub fn calls(&self) -> Vec<RecordedCall> {
        self.state.borrow().calls.clone()
    }

    /// Forgets recorded calls, logs and the SLOAD count (mocks stay).
    pub fn reset_records(&self) {
        let mut state = self.state.borrow_mut();
        state.calls.clear();
        state.sloads = 0;
        drop(state);
        // Clearing TestVM's mocks also clears its logs; its mocks are unused.
        self.vm.clear_mocks();
    }

    /// SLOADs since the last reset.
    pub fn sloads(&self) -> usize {
        self.state.borrow().sloads
    }

    unsafe fn dispatch(
        &self,
        is_static: bool,
        to: *const u8,
        data: *const u8,
        len: usize,
        outs_len: &mut usize,
    ) -> u8 {
        let to = Address::from_slice(slice::from_raw_parts(to, 20));
        let data = slice::from_raw_parts(data, len).to_vec();
        let mut state = self.state.borrow_mut();
        let result = state
            .mocks
            .get(&(is_static, to, data.clone()))
            .cloned()
            .unwrap_or(Err(b"unmocked call".to_vec()));
        state.calls.push(RecordedCall {
            is_static,
            to,
            data,
        });
        let (status, out) = match result {
            Ok(out) => (0, out),
            Err(out) => (1, out),
        };
        *outs_len = out.len();
        state.return_data = out;
        status
    }
}

impl Host for MockHost {}

impl CryptographyAccess for MockHost {
    fn native_keccak256(&self, input: &[u8]) -> B256 {
        self.vm.native_keccak256(input)
    }
}

impl CalldataAccess for MockHost {
    fn read_args(&self, len: usize) -> Vec<u8> {
        self.vm.read_args(len)
    }
    fn read_return_data(&self, offset: usize, size: Option<usize>) -> Vec<u8> {
        let state = self.state.borrow();
        let data = &state.return_data;
        let start = offset.min(data.len());
        let end = size.map_or(data.len(), |s| (start + s).min(data.len()));
        data[start..end].to_vec()
    }
    fn return_data_size(&self) -> usize {
        self.state.borrow().return_data.len()
    }
    fn write_result(&self, data: &[u8]) {
        self.vm.write_result(data)
    }
}

// SAFETY: every method forwards its pointers and lengths unchanged to the
// SDK's `TestVM`, which implements this trait's contract.
unsafe impl UnsafeDeploymentAccess for MockHost {
    unsafe fn create1(
        &self,
        code: *const u8,
        code_len: usize,
        endowment: *const u8,
        contract: *mut u8,
        revert_data_len: *mut usize,
    ) {
        self.vm
            .create1(code, code_len, endowment, contract, revert_data_len)
    }
    unsafe fn create2(
        &self,
        code: *const u8,
        code_len: usize,
        endowment: *const u8,
        salt: *const u8,
        contract: *mut u8,
        revert_data_len: *mut usize,
    ) {
        self.vm
            .create2(code, code_len, endowment, salt, contract, revert_data_len)
    }
}

impl StorageAccess for MockHost {
    fn storage_load_bytes32(&self, key: U256) -> B256 {
        self.state.borrow_mut().sloads += 1;
        self.vm.storage_load_bytes32(key)
    }
    unsafe fn storage_cache_bytes32(&self, key: U256, value: B256) {
        self.vm.storage_cache_bytes32(key, value)
    }
    fn flush_cache(&self, clear: bool) {
        self.vm.flush_cache(clear)
    }
}

// SAFETY: as above, every method forwards unchanged to the SDK's `TestVM`.
unsafe impl UnsafeCallAccess for MockHost {
    unsafe fn call_contract(
        &self,
        to: *const u8,
        data: *const u8,
        data_len: usize,
        _value: *const u8,
        _gas: u64,
        outs_len: &mut usize,
    ) -> u8 {
        self.dispatch(false, to, data, data_len, outs_len)
    }
    unsafe fn static_call_contract(
        &self,
        to: *const u8,
        data: *const u8,
        data_len: usize,
        _gas: u64,
        outs_len: &mut usize,
    ) -> u8 {
        self.dispatch(true, to, data, data_len, outs_len)
    }
    unsafe fn delegate_call_contract(
        &self,
        to: *const u8,
        data: *const u8,
        data_len: usize,
        gas: u64,
        outs_len: &mut usize,
    ) -> u8 {
        self.vm
            .delegate_call_contract(to, data, data_len, gas, outs_len)
    }
}

impl BlockAccess for MockHost {
    fn block_basefee(&self) -> U256 {
        self.vm.block_basefee()
    }
    fn block_coinbase(&self) -> Address {
        self.vm.block_coinbase()
    }
    fn block_number(&self) -> u64 {
        self.vm.block_number()
    }
    fn block_timestamp(&self) -> u64 {
        self.vm.block_timestamp()
    }
    fn block_gas_limit(&self) -> u64 {
        self.vm.block_gas_limit()
    }
}

impl ChainAccess for MockHost {
    fn chain_id(&self) -> u64 {
        self.vm.chain_id()
    }
}

impl AccountAccess for MockHost {
    fn balance(&self, account: Address) -> U256 {
        self.vm.balance(account)
    }
    fn contract_address(&self) -> Address {
        self.vm.contract_address()
    }
    fn code(&self, account: Address) -> Vec<u8> {
        self.vm.code(account)
    }
    fn code_size(&self, account: Address) -> usize {
        self.vm.code_size(account)
    }
    fn code_hash(&self, account: Address) -> B256 {
        self.vm.code_hash(account)
    }
}

impl MemoryAccess for MockHost {
    fn pay_for_memory_grow(&self, pages: u16) {
        self.vm.pay_for_memory_grow(pages)
    }
}

impl MessageAccess for MockHost {
    fn msg_sender(&self) -> Address {
        self.vm.msg_sender()
    }
    fn msg_reentrant(&self) -> bool {
        self.vm.msg_reentrant()
    }
    fn msg_value(&self) -> U256 {
        self.vm.msg_value()
    }
    fn tx_origin(&self) -> Address {
        self.vm.tx_origin()
    }
}

impl MeteringAccess for MockHost {
    fn evm_gas_left(&self) -> u64 {
        self.vm.evm_gas_left()
    }
    fn evm_ink_left(&self) -> u64 {
        self.vm.evm_ink_left()
    }
    fn tx_gas_price(&self) -> U256 {
        self.vm.tx_gas_price()
    }
    fn tx_ink_price(&self) -> u32 {
        self.vm.tx_ink_price()
    }
}

impl RawLogAccess for MockHost {
    fn emit_log(&self, input: &[u8], num_topics: usize) {
        self.vm.emit_log(input, num_topics)
    }
    fn raw_log(&self, topics: &[B256], data: &[u8]) -> Result<(), &'static str> {
        self.vm.raw_log(topics, data)
    }
}
