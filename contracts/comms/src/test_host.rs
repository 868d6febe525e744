//! A test host: the SDK's `TestVM` with static calls that return the data of
//! the mock they matched.
//!
//! `TestVM` (stylus-test 0.10.10) matches a static call against its mocks
//! correctly but then serves `read_return_data` from one shared buffer that
//! holds the data of the *last mock registered*, so a function making two
//! different static calls (Trust `getRole` then `isAuthorizedApp`, or Trust
//! then Registry) reads the wrong answer. This host keeps its own static-call
//! mocks and return buffer and delegates everything else to `TestVM`.

use std::{cell::RefCell, collections::HashMap, rc::Rc, slice};

use alloy_primitives::{Address, B256, U256};
use stylus_sdk::{stylus_core::*, testing::TestVM};

/// A static call: callee and calldata.
type StaticCall = (Address, Vec<u8>);
type Mocks = HashMap<StaticCall, Result<Vec<u8>, Vec<u8>>>;

/// `TestVM` with per-mock static-call return data.
#[derive(Clone, Default)]
pub struct MockHost {
    /// The wrapped VM (sender, storage, logs, timestamp...).
    pub vm: TestVM,
    static_mocks: Rc<RefCell<Mocks>>,
    return_data: Rc<RefCell<Vec<u8>>>,
    static_calls: Rc<RefCell<Vec<StaticCall>>>,
}

impl MockHost {
    /// Answers static calls to `to` with calldata `data` by `result`
    /// (replacing an earlier mock of the same call).
    pub fn mock_static_call(&self, to: Address, data: Vec<u8>, result: Result<Vec<u8>, Vec<u8>>) {
        self.static_mocks.borrow_mut().insert((to, data), result);
    }

    /// Forgets the mock of one static call (it then fails).
    pub fn unmock_static_call(&self, to: Address, data: Vec<u8>) {
        self.static_mocks.borrow_mut().remove(&(to, data));
    }

    /// Every static call made so far, in order.
    pub fn static_calls(&self) -> Vec<StaticCall> {
        self.static_calls.borrow().clone()
    }
}

impl Host for MockHost {}

unsafe impl UnsafeCallAccess for MockHost {
    unsafe fn call_contract(
        &self,
        to: *const u8,
        data: *const u8,
        data_len: usize,
        value: *const u8,
        gas: u64,
        outs_len: &mut usize,
    ) -> u8 {
        self.vm
            .call_contract(to, data, data_len, value, gas, outs_len)
    }

    unsafe fn static_call_contract(
        &self,
        to: *const u8,
        data: *const u8,
        data_len: usize,
        _gas: u64,
        outs_len: &mut usize,
    ) -> u8 {
        let to = Address::from_slice(slice::from_raw_parts(to, 20));
        let data = slice::from_raw_parts(data, data_len).to_vec();
        self.static_calls.borrow_mut().push((to, data.clone()));
        // An unmocked call reverts with no data.
        let result = self
            .static_mocks
            .borrow()
            .get(&(to, data))
            .cloned()
            .unwrap_or(Err(Vec::new()));
        let (status, bytes) = match result {
            Ok(bytes) => (0, bytes),
            Err(bytes) => (1, bytes),
        };
        *outs_len = bytes.len();
        *self.return_data.borrow_mut() = bytes;
        status
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

impl CalldataAccess for MockHost {
    fn read_args(&self, len: usize) -> Vec<u8> {
        self.vm.read_args(len)
    }

    fn read_return_data(&self, offset: usize, size: Option<usize>) -> Vec<u8> {
        let data = self.return_data.borrow();
        let start = offset.min(data.len());
        let end = size.map_or(data.len(), |s| (start + s).min(data.len()));
        data[start..end].to_vec()
    }

    fn return_data_size(&self) -> usize {
        self.return_data.borrow().len()
    }

    fn write_result(&self, data: &[u8]) {
        self.vm.write_result(data)
    }
}

impl CryptographyAccess for MockHost {
    fn native_keccak256(&self, input: &[u8]) -> B256 {
        self.vm.native_keccak256(input)
    }
}

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
        self.vm.storage_load_bytes32(key)
    }

    unsafe fn storage_cache_bytes32(&self, key: U256, value: B256) {
        self.vm.storage_cache_bytes32(key, value)
    }

    fn flush_cache(&self, clear: bool) {
        self.vm.flush_cache(clear)
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
