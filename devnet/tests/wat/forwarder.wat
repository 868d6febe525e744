;; Test program speaking the raw Stylus ABI. Storage: slot 0 = target
;; address, slot 1 = mode, slot 2 = counter. Forwards its whole calldata to
;; the target with call_contract and returns the callee's return data.
;; mode 0: plain forward (no writes), status = callee status;
;; mode 1: counter += 1, forward, then revert with the callee's data;
;; mode 2: counter += 1, forward, status = callee status.
(module
  (import "vm_hooks" "read_args" (func $read_args (param i32)))
  (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
  (import "vm_hooks" "storage_load_bytes32" (func $load (param i32 i32)))
  (import "vm_hooks" "storage_cache_bytes32" (func $cache (param i32 i32)))
  (import "vm_hooks" "storage_flush_cache" (func $flush (param i32)))
  (import "vm_hooks" "call_contract" (func $call (param i32 i32 i32 i32 i64 i32) (result i32)))
  (import "vm_hooks" "read_return_data" (func $rrd (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; 0..32 key, 32..64 value, 64..96 zero call value, 96..100 ret len,
  ;; 128..160 target word, 1024.. calldata, 4096.. return data
  (func (export "user_entrypoint") (param $len i32) (result i32)
    (local $status i32) (local $mode i32) (local $rlen i32)
    (call $read_args (i32.const 1024))
    (call $load (i32.const 0) (i32.const 128))
    (i32.store8 (i32.const 31) (i32.const 1))
    (call $load (i32.const 0) (i32.const 32))
    (local.set $mode (i32.load8_u (i32.const 63)))
    (if (local.get $mode)
      (then
        (i32.store8 (i32.const 31) (i32.const 2))
        (call $load (i32.const 0) (i32.const 32))
        (i32.store8 (i32.const 63) (i32.add (i32.load8_u (i32.const 63)) (i32.const 1)))
        (call $cache (i32.const 0) (i32.const 32))
        (call $flush (i32.const 0))))
    (local.set $status
      (call $call (i32.const 140) (i32.const 1024) (local.get $len) (i32.const 64)
                  (i64.const -1) (i32.const 96)))
    (local.set $rlen (call $rrd (i32.const 4096) (i32.const 0) (i32.load (i32.const 96))))
    (call $write_result (i32.const 4096) (local.get $rlen))
    (if (result i32) (i32.eq (local.get $mode) (i32.const 1))
      (then (i32.const 1))
      (else (local.get $status)))))
