;; Counts 10,000 down to 0 and returns: known basic blocks for the ink meter test.
(module
  (memory (export "memory") 1)
  (func (export "user_entrypoint") (param i32) (result i32)
    i32.const 10000
    local.set 0
    loop
      local.get 0
      i32.const 1
      i32.sub
      local.tee 0
      br_if 0
    end
    i32.const 0))
