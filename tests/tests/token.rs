//! The DS token's own functions on the real artifacts: batches, ERC-7943
//! freezes and forced transfers, ERC-165, role gates, receivers.

use ds_e2e::{
    abi::{self, IDSToken},
    ids::{code, role},
    u, Address, ReceiptExt, Suite, COUNTRIES, U256,
};

fn holders() -> (Suite, Address, Address) {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    let a = s.new_investor("de-a", "DE", &[]);
    let b = s.new_investor("jp-b", "JP", &[]);
    (s, a, b)
}

#[test]
fn bulk_issuance_and_bulk_burn_are_all_or_nothing() {
    let (mut s, a, b) = holders();
    let token = s.token();
    let stranger = s.wallet("stranger");
    let bulk = |to: Vec<Address>| IDSToken::bulkIssuanceCall {
        values: vec![u(100); to.len()],
        to,
        issuance_time: U256::ZERO,
    };
    let r = s.send(s.issuer, token, &bulk(vec![a, b, stranger]));
    let err = r
        .revert_error::<abi::IssuanceRejected>()
        .expect("IssuanceRejected");
    assert_eq!((err.code, err.reason.as_str()), (u(20), code::reason(20)));
    assert_eq!((s.balance(a), s.total_supply()), (U256::ZERO, U256::ZERO));
    assert_eq!(s.counts().total, 0, "nothing recorded by the refused batch");

    let r = s.must(s.issuer, token, &bulk(vec![a, b]));
    assert_eq!(r.events::<abi::Issue>().len(), 2);
    assert_eq!(s.total_supply(), u(200));
    assert_eq!(s.counts().total, 2);

    let burn = |values: Vec<U256>| IDSToken::bulkBurnCall {
        who: vec![a, b],
        values,
        reason: "buy-back".into(),
    };
    let r = s.send(s.transfer_agent, token, &burn(vec![u(100), u(101)]));
    assert!(
        r.reverted_with::<abi::ERC20InsufficientBalance>(),
        "{}",
        r.outcome()
    );
    assert_eq!(s.total_supply(), u(200));
    let r = s.must(s.transfer_agent, token, &burn(vec![u(100), u(40)]));
    assert_eq!(r.events::<abi::Burn>().len(), 2);
    assert_eq!(
        (s.balance(a), s.balance(b), s.total_supply()),
        (U256::ZERO, u(60), u(60))
    );
    assert_eq!(s.counts().total, 1);
}

#[test]
fn frozen_tokens_stay_put_until_forced() {
    let (mut s, a, b) = holders();
    s.issue(a, 100).expect_ok("issue");
    let token = s.token();
    let freeze = IDSToken::setFrozenTokensCall {
        account: a,
        amount: u(60),
    };
    let r = s.send(s.issuer, token, &freeze);
    assert!(
        r.reverted_with::<abi::UnauthorizedCaller>(),
        "an issuer does not freeze"
    );
    s.must(s.transfer_agent, token, &freeze);
    assert_eq!(
        s.view(token, &IDSToken::getFrozenTokensCall { account: a }),
        u(60)
    );
    // the token and Compliance both report frozen tokens as locked (review F-07)
    assert_eq!(
        s.token_check(a, b, 41),
        (code::TOKENS_LOCKED, code::reason(16).into())
    );
    assert_eq!(
        s.compliance_check(a, b, 41),
        (code::TOKENS_LOCKED, code::reason(16).into())
    );
    let r = s.transfer(a, b, 41);
    assert_eq!(
        r.revert_error::<abi::ERC7943InsufficientUnfrozenBalance>(),
        Some(abi::ERC7943InsufficientUnfrozenBalance {
            account: a,
            amount: u(41),
            unfrozen: u(40)
        }),
        "{}",
        r.outcome()
    );
    s.expect_transfer(a, b, 40);
    // a forced transfer may take frozen tokens; the frozen amount follows the balance
    let forced = IDSToken::forcedTransferCall {
        from: a,
        to: b,
        amount: u(30),
    };
    let r = s.must(s.transfer_agent, token, &forced);
    assert_eq!((s.balance(a), s.balance(b)), (u(30), u(70)));
    assert_eq!(r.events::<abi::Transfer>().len(), 1);
    assert_eq!(
        s.view(token, &IDSToken::getFrozenTokensCall { account: a }),
        u(30)
    );
    // forced transfers go to investor (or issuer) wallets only
    let stranger = s.wallet("stranger");
    let forced = IDSToken::forcedTransferCall {
        from: a,
        to: stranger,
        amount: u(1),
    };
    let r = s.send(s.transfer_agent, token, &forced);
    assert!(
        r.reverted_with::<abi::SeizeTargetNotIssuerWallet>(),
        "forced transfer to an unregistered wallet must fail: {}",
        r.outcome()
    );
    assert_eq!((s.balance(a), s.balance(stranger)), (u(30), U256::ZERO));
}

#[test]
fn only_issuers_issue_and_nobody_sends_to_zero() {
    let (mut s, a, b) = holders();
    let token = s.token();
    for (who, r) in [
        (s.exchange, role::EXCHANGE),
        (s.transfer_agent, role::TRANSFER_AGENT),
        (a, role::NONE),
    ] {
        let receipt = s.send(
            who,
            token,
            &IDSToken::issueTokensCall { to: a, value: u(1) },
        );
        assert_eq!(
            receipt.revert_error::<abi::UnauthorizedCaller>(),
            Some(abi::UnauthorizedCaller {
                caller: who,
                callerRole: r
            })
        );
    }
    s.must(
        s.master,
        token,
        &IDSToken::issueTokensCall {
            to: a,
            value: u(10),
        },
    );
    let r = s.transfer(a, Address::ZERO, 1);
    assert_eq!(
        r.revert_error::<abi::ERC20InvalidReceiver>(),
        Some(abi::ERC20InvalidReceiver {
            receiver: Address::ZERO
        })
    );
    s.expect_transfer(a, b, 10);
    assert_eq!(
        s.view(token, &IDSToken::walletCountCall {}),
        u(1),
        "a emptied, b holds"
    );
    assert_eq!(s.view(token, &IDSToken::getWalletAtCall { index: u(1) }), b);
}

#[test]
fn erc165_interfaces() {
    let mut s = Suite::new();
    let token = s.token();
    let supports = |s: &mut Suite, id: [u8; 4]| {
        s.view(
            token,
            &IDSToken::supportsInterfaceCall {
                interface_id: id.into(),
            },
        )
    };
    assert!(supports(&mut s, [0x01, 0xff, 0xc9, 0xa7]), "ERC-165 itself");
    assert!(
        !supports(&mut s, [0xff, 0xff, 0xff, 0xff]),
        "never 0xffffffff"
    );
    // The other ids, pinned independently of the contract's own list: the
    // ERC-20 id as published (EIP-20's six functions), the ERC-1404 and
    // ERC-7943 ids as the XOR of the selectors of the standards' function
    // signatures, written out here.
    assert!(supports(&mut s, [0x36, 0x37, 0x2b, 0x07]), "ERC-20");
    let id_of = |signatures: &[&str]| {
        signatures.iter().fold([0u8; 4], |acc, sig| {
            let h = alloy_primitives::keccak256(sig);
            [acc[0] ^ h[0], acc[1] ^ h[1], acc[2] ^ h[2], acc[3] ^ h[3]]
        })
    };
    let erc1404 = id_of(&[
        "detectTransferRestriction(address,address,uint256)",
        "messageForTransferRestriction(uint8)",
    ]);
    assert!(supports(&mut s, erc1404), "ERC-1404 {erc1404:02x?}");
    let erc7943 = id_of(&[
        "forcedTransfer(address,address,uint256)",
        "setFrozenTokens(address,uint256)",
        "canSend(address)",
        "canReceive(address)",
        "getFrozenTokens(address)",
        "canTransfer(address,address,uint256)",
    ]);
    assert!(supports(&mut s, erc7943), "ERC-7943 {erc7943:02x?}");
    // an id of a standard the token does not implement: ERC-721
    assert!(!supports(&mut s, [0x80, 0xac, 0x58, 0xcd]), "not ERC-721");
}

/// The gas of compliant transfers, guarded in CI on the same scenario as
/// the bench (regulated rules; 21,000 intrinsic included; nitro's gas
/// model): the figures measured on 2026-12-04 + 2%, every program cached
/// and nothing cached, each transfer with at most 2 cross-contract calls.
/// (The architecture targets, 70,000 / 100,000 and 90,000 / 125,000, are
/// not met yet: `scripts/bench.sh` prints them.)
#[test]
fn compliant_transfers_stay_within_the_gas_targets() {
    use ds_e2e::{ids::attribute::ACCREDITED, regulated_rules, report::Measured};
    /// Transfer to an existing holder: measured 84,594 cached, 135,784 uncached.
    const EXISTING: (u64, u64) = (86_286, 138_500);
    /// Transfer to a new (EU retail) holder: measured 105,888 / 157,078.
    const NEW_HOLDER: (u64, u64) = (108_006, 160_220);
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    s.set_rules(&regulated_rules());
    let us1 = s.new_investor("us-1", "US", &[ACCREDITED]);
    let us2 = s.new_investor("us-2", "US", &[ACCREDITED]);
    let fr1 = s.new_investor("fr-1", "FR", &[]);
    let de1 = s.new_investor("de-1", "DE", &[]);
    s.issue(us1, 1_000).expect_ok("issue");
    s.issue(us2, 1_000).expect_ok("issue");
    s.issue(fr1, 1_000).expect_ok("issue");
    let existing = Measured::of("existing", &s.transfer(us1, us2, 10).expect_ok("transfer"));
    let new_holder = Measured::of("new", &s.transfer(fr1, de1, 10).expect_ok("transfer"));
    for (measured, (cached, uncached)) in [(&existing, EXISTING), (&new_holder, NEW_HOLDER)] {
        assert!(
            measured.gas_cached <= cached && measured.gas_uncached <= uncached,
            "{measured:?}"
        );
    }
    assert!(existing.calls <= 2 && new_holder.calls <= 2);
}
