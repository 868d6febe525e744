;; Loops forever (burns gas) unless calldata is empty; traps on empty calldata.
(module
  (import "vm_hooks" "read_args" (func $read_args (param i32)))
  (memory (export "memory") 1)
  (func (export "user_entrypoint") (param $len i32) (result i32)
    (if (i32.eqz (local.get $len)) (then unreachable))
    (loop $l (br $l))
    (i32.const 0)))
