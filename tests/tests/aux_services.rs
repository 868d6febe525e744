//! DS v4's auxiliary services on the devnet (issue 23, P1): the NAV
//! provider (`rate`, `setRate`, rate updaters named by the master) and the
//! bulk balance checker, decoded with DS's types; the issuance and relaying
//! services in [`issuance_services`] (one test binary: each costs a link).

use ds_e2e::{
    abi::{
        IBulkBalanceChecker, INavProvider, NotRateUpdater, RateUpdated, RateUpdaterRemoved,
        UnauthorizedCaller,
    },
    apps::{deploy_nav_provider, install_balance_checker},
    ids::{attribute, region, role},
    u, ReceiptExt, Suite, U256,
};

/// DS's NAV rate: set by a rate updater only, never 0, every change logged
/// with the old and new values; the master names and removes updaters.
#[test]
fn the_nav_rate_is_set_by_rate_updaters_only() {
    let mut s = Suite::new();
    let issuer = s.issuer;
    let nav = deploy_nav_provider(&mut s, 1_000_000, issuer);
    assert_eq!(s.view(nav, &INavProvider::rateCall {}), u(1_000_000));
    let (agent, master) = (s.transfer_agent, s.master);
    let r = s.must(
        issuer,
        nav,
        &INavProvider::setRateCall { rate: u(1_020_000) },
    );
    let updated = r.events::<RateUpdated>();
    assert_eq!(
        (updated[0].oldValue, updated[0].newValue),
        (u(1_000_000), u(1_020_000))
    );
    assert_eq!(s.view(nav, &INavProvider::rateCall {}), u(1_020_000));
    let r = s.send(agent, nav, &INavProvider::setRateCall { rate: u(5) });
    assert_eq!(
        r.revert_error::<NotRateUpdater>(),
        Some(NotRateUpdater { caller: agent })
    );
    let r = s.send(issuer, nav, &INavProvider::setRateCall { rate: U256::ZERO });
    assert!(!r.success, "a zero rate is refused");
    let r = s.send(
        issuer,
        nav,
        &INavProvider::addRateUpdaterCall { updater: agent },
    );
    assert_eq!(
        r.revert_error::<UnauthorizedCaller>(),
        Some(UnauthorizedCaller {
            caller: issuer,
            callerRole: role::ISSUER
        })
    );
    let r = s.must(
        master,
        nav,
        &INavProvider::removeRateUpdaterCall { updater: issuer },
    );
    assert_eq!(r.events::<RateUpdaterRemoved>()[0].rateUpdater, issuer);
    assert!(!s.view(nav, &INavProvider::isRateUpdaterCall { who: issuer }));
    assert_eq!(s.view(nav, &INavProvider::rateCall {}), u(1_020_000));
}

/// DS's `getTokenBalances(token, wallets)`: the DS token's balances of
/// every wallet, in order, in one static call.
#[test]
fn the_balance_checker_reads_many_wallets_at_once() {
    let mut s = Suite::new();
    s.set_countries(&[("US", region::US)]);
    let a = s.new_investor("bal-a", "US", &[attribute::KYC_APPROVED]);
    let b = s.new_investor("bal-b", "US", &[attribute::KYC_APPROVED]);
    let nobody = s.wallet("bal-nobody");
    s.issue(a, 70).expect_ok("issue a");
    s.issue(b, 30).expect_ok("issue b");
    let checker = install_balance_checker(&mut s);
    let token = s.token();
    let balances = s.view(
        checker,
        &IBulkBalanceChecker::getTokenBalancesCall {
            token,
            wallets: vec![b, nobody, a],
        },
    );
    assert_eq!(balances, vec![u(30), u(0), u(70)]);
}

mod issuance_services {
    //! DS v4's auxiliary services on the devnet (issue 23, P1), each as DS's
    //! integrations call it: the token issuer, the wallet registrar, the bulk
    //! operator, the transaction relayer (EIP-712 signatures checked by the
    //! ecrecover precompile) and the rebasing provider.

    use alloy_primitives::keccak256;
    use alloy_sol_types::SolCall;
    use ds_e2e::{
        abi::{
            ECDSAInvalidSignature, ECDSAInvalidSignatureS, EnforcedPause, ExpectedPause,
            IBulkOperator, IDSToken, IRebasingProvider, IRegistry, ITokenIssuer,
            ITransactionRelayer, ITrust, IWalletRegistrar, InvalidMultiplier, InvalidNonce,
            InvestorNonceUpdated, Issue, NonceNotIncreased, Paused, PreApprovedTransactionExecuted,
            RebasingRateUpdated, SignerNotApprover, TransactionExpired, UnauthorizedCaller,
            Unpaused, WalletNotOfInvestor, WrongParameterLength,
        },
        apps::{deploy_aux_services, AuxServices, REBASING_ONE},
        ids::{attribute, attribute_status, region, role},
        investor_key,
        signing::{pre_approved, signed, Signer},
        u, Address, ReceiptExt, Suite, U256,
    };

    fn suite() -> (Suite, AuxServices) {
        let mut s = Suite::new();
        s.set_countries(&[("US", region::US)]);
        let aux = deploy_aux_services(&mut s);
        (s, aux)
    }

    /// DS `issueTokens` for a wallet not registered yet: KYC, accredited and
    /// qualified approved, never expiring.
    #[allow(clippy::too_many_arguments)]
    fn issue_tokens(
        id: &str,
        to: Address,
        value: u64,
        time: u64,
        locks: &[(u64, u64)],
        attributes: usize,
    ) -> ITokenIssuer::issueTokensCall {
        ITokenIssuer::issueTokensCall {
            id: id.into(),
            to,
            issuance_values: vec![u(value), u(time)],
            reason: "subscription".into(),
            locks_values: locks.iter().map(|(v, _)| u(*v)).collect(),
            lock_release_times: locks.iter().map(|(_, t)| *t).collect(),
            collision_hash: format!("hash:{id}"),
            country: "US".into(),
            attribute_values: vec![u(u64::from(attribute_status::APPROVED)); attributes],
            attribute_expirations: vec![U256::ZERO; attributes],
        }
    }

    #[test]
    fn the_token_issuer_registers_issues_and_locks_in_one_call() {
        let (mut s, aux) = suite();
        let (issuer, exchange) = (s.issuer, s.exchange);
        let wallet = s.wallet("ti-new");
        let now = s.now();
        let call = issue_tokens("ti-new", wallet, 100, now, &[(40, now + 1_000)], 3);
        let r = s.must(issuer, aux.token_issuer, &call);
        assert_eq!(r.events::<Issue>()[0].value, u(100));
        assert!(s.view(
            s.registry,
            &IRegistry::isInvestorCall {
                id: "ti-new".into()
            }
        ));
        assert_eq!(
            s.view(s.registry, &IRegistry::getInvestorCall { wallet }),
            "ti-new"
        );
        for id in [
            attribute::KYC_APPROVED,
            attribute::ACCREDITED,
            attribute::QUALIFIED,
        ] {
            let status = s.view(
                s.registry,
                &IRegistry::getAttributeValueCall {
                    id: "ti-new".into(),
                    attribute_id: id,
                },
            );
            assert_eq!(
                status,
                u(u64::from(attribute_status::APPROVED)),
                "attribute {id}"
            );
        }
        assert_eq!(s.balance(wallet), u(100));
        // the lock holds 40 of them
        let other = s.new_investor("ti-other", "US", &[attribute::KYC_APPROVED]);
        s.expect_refused(wallet, other, 61, 16);
        // the same investor again: no registration, one more issuance
        let again = issue_tokens("ti-new", wallet, 5, now, &[], 0);
        s.must(issuer, aux.token_issuer, &again);
        assert_eq!(s.balance(wallet), u(105));
        // another investor's wallet
        let theft = issue_tokens("ti-thief", other, 5, now, &[], 0);
        let r = s.send(issuer, aux.token_issuer, &theft);
        assert_eq!(
            r.revert_error::<WalletNotOfInvestor>(),
            Some(WalletNotOfInvestor {
                wallet: other,
                investorKey: investor_key("ti-thief")
            })
        );
        // DS's shapes: [value, time], no or three attributes
        let mut bad = issue_tokens("ti-bad", s.wallet("ti-bad"), 5, now, &[], 0);
        bad.issuance_values.pop();
        let r = s.send(issuer, aux.token_issuer, &bad);
        assert_eq!(
            r.revert_error::<WrongParameterLength>(),
            Some(WrongParameterLength {
                length: u(1),
                expected: u(2)
            })
        );
        let two = issue_tokens("ti-bad", s.wallet("ti-bad"), 5, now, &[], 2);
        let r = s.send(issuer, aux.token_issuer, &two);
        assert_eq!(
            r.revert_error::<WrongParameterLength>().map(|e| e.expected),
            Some(u(3))
        );
        let r = s.send(exchange, aux.token_issuer, &again);
        assert_eq!(
            r.revert_error::<UnauthorizedCaller>(),
            Some(UnauthorizedCaller {
                caller: exchange,
                callerRole: role::EXCHANGE
            })
        );
        assert_eq!(s.balance(wallet), u(105), "refusals issue nothing");
    }

    #[test]
    fn an_issuance_the_token_refuses_registers_nobody() {
        let (mut s, aux) = suite();
        s.set_countries(&[("KP", region::FORBIDDEN)]);
        let issuer = s.issuer;
        let wallet = s.wallet("ti-forbidden");
        let now = s.now();
        // a forbidden country: the token's IssuanceRejected
        let mut call = issue_tokens("ti-forbidden", wallet, 10, now, &[], 3);
        call.country = "KP".into();
        let r = s.send(issuer, aux.token_issuer, &call);
        assert!(!r.success);
        assert!(
            r.transfer_rejection().is_some()
                || r.revert_error::<ds_e2e::abi::IssuanceRejected>().is_some(),
            "the token's refusal is passed on: {}",
            r.outcome()
        );
        assert!(!s.view(
            s.registry,
            &IRegistry::isInvestorCall {
                id: "ti-forbidden".into()
            }
        ));
    }

    #[test]
    fn the_wallet_registrar_registers_an_investor_with_its_wallets() {
        let (mut s, aux) = suite();
        let (issuer, exchange) = (s.issuer, s.exchange);
        let (a, b) = (s.wallet("wr-a"), s.wallet("wr-b"));
        let call = IWalletRegistrar::registerWalletCall {
            id: "wr".into(),
            wallets: vec![a, b],
            collision_hash: "hash:wr".into(),
            country: "US".into(),
            attribute_ids: vec![attribute::KYC_APPROVED],
            attribute_values: vec![u(u64::from(attribute_status::APPROVED))],
            attribute_expirations: vec![U256::ZERO],
        };
        let r = s.send(exchange, aux.wallet_registrar, &call);
        assert_eq!(
            r.revert_error::<UnauthorizedCaller>().map(|e| e.caller),
            Some(exchange)
        );
        let out = s.must(issuer, aux.wallet_registrar, &call);
        assert!(IWalletRegistrar::registerWalletCall::abi_decode_returns(&out.output).unwrap());
        for w in [a, b] {
            assert_eq!(
                s.view(s.registry, &IRegistry::getInvestorCall { wallet: w }),
                "wr"
            );
        }
        // a wallet of another investor: the Registry's refusal, passed on
        let mut steal = call.clone();
        steal.id = "wr-other".into();
        steal.wallets = vec![a];
        let r = s.send(issuer, aux.wallet_registrar, &steal);
        assert!(!r.success);
        assert_ne!(
            r.revert_error::<UnauthorizedCaller>().map(|e| e.caller),
            Some(aux.wallet_registrar),
            "the registrar holds the role it needs"
        );
        assert!(!s.view(
            s.registry,
            &IRegistry::isInvestorCall {
                id: "wr-other".into()
            }
        ));
    }

    #[test]
    fn the_bulk_operator_issues_registers_and_burns_in_batches() {
        let (mut s, aux) = suite();
        let (master, issuer, agent, exchange) = (s.master, s.issuer, s.transfer_agent, s.exchange);
        let bulk = aux.bulk_operator;
        assert_eq!(s.view(bulk, &IBulkOperator::getVersionCall {}), 2);
        assert_eq!(s.view(bulk, &IBulkOperator::dsTokenCall {}), s.token());
        let a = s.new_investor("bo-a", "US", &[attribute::KYC_APPROVED]);
        let b = s.new_investor("bo-b", "US", &[attribute::KYC_APPROVED]);
        let now = s.now();
        let issue = IBulkOperator::bulkIssuanceCall {
            addresses: vec![a, b],
            values: vec![u(10), u(20)],
            issuance_time: u(now),
        };
        let r = s.send(exchange, bulk, &issue);
        assert_eq!(
            r.revert_error::<UnauthorizedCaller>().map(|e| e.caller),
            Some(exchange)
        );
        let r = s.must(issuer, bulk, &issue);
        assert_eq!(r.events::<Issue>().len(), 2);
        assert_eq!((s.balance(a), s.balance(b)), (u(10), u(20)));
        // lengths differ: nothing issued
        let mut uneven = issue.clone();
        uneven.values.pop();
        assert!(!s.send(issuer, bulk, &uneven).success);
        // burns: issuer, transfer agent or master
        let burn = IBulkOperator::bulkBurnCall {
            addresses: vec![a, b],
            values: vec![u(1), u(2)],
        };
        s.must(agent, bulk, &burn);
        assert_eq!((s.balance(a), s.balance(b)), (u(9), u(18)));
        assert!(!s.send(exchange, bulk, &burn).success);
        // register and issue; the second item names the first's wallet under
        // another id: the whole batch is refused, nothing issued
        let (c, d) = (s.wallet("bo-c"), s.wallet("bo-d"));
        // DS's BulkRegisterAndIssuance: id, wallet, [value, time], reason,
        // locks, release times, country, attribute values, expirations
        let item = |id: &str, to: Address, value: u64| {
            (
                id.to_string(),
                to,
                vec![u(value), u(now)],
                "bulk".to_string(),
                vec![],
                vec![],
                "US".to_string(),
                vec![u(u64::from(attribute_status::APPROVED)); 3],
                vec![U256::ZERO; 3],
            )
        };
        let bad = IBulkOperator::bulkRegisterAndIssuanceCall {
            data: vec![item("bo-c", c, 7), item("bo-x", c, 8)],
        };
        let r = s.send(issuer, bulk, &bad);
        assert_eq!(
            r.revert_error::<WalletNotOfInvestor>().map(|e| e.wallet),
            Some(c)
        );
        assert_eq!(s.balance(c), U256::ZERO, "the batch is one transaction");
        let good = IBulkOperator::bulkRegisterAndIssuanceCall {
            data: vec![item("bo-c", c, 7), item("bo-d", d, 8)],
        };
        s.must(issuer, bulk, &good);
        assert_eq!((s.balance(c), s.balance(d)), (u(7), u(8)));
        // pause: the master only; every batch stops
        let r = s.send(issuer, bulk, &IBulkOperator::pauseCall {});
        assert_eq!(
            r.revert_error::<UnauthorizedCaller>().map(|e| e.caller),
            Some(issuer)
        );
        let r = s.must(master, bulk, &IBulkOperator::pauseCall {});
        assert_eq!(r.events::<Paused>()[0].account, master);
        assert!(s.view(bulk, &IBulkOperator::pausedCall {}));
        assert_eq!(
            s.send(issuer, bulk, &issue).revert_error::<EnforcedPause>(),
            Some(EnforcedPause {})
        );
        assert!(s
            .send(master, bulk, &IBulkOperator::pauseCall {})
            .revert_error::<EnforcedPause>()
            .is_some());
        let r = s.must(master, bulk, &IBulkOperator::unpauseCall {});
        assert_eq!(r.events::<Unpaused>()[0].account, master);
        assert_eq!(
            s.send(master, bulk, &IBulkOperator::unpauseCall {})
                .revert_error::<ExpectedPause>(),
            Some(ExpectedPause {})
        );
        s.must(issuer, bulk, &issue);
        assert_eq!(s.balance(a), u(19));
    }

    #[test]
    fn the_relayer_runs_calls_an_issuer_signed_once_and_in_time() {
        let (mut s, aux) = suite();
        let (master, issuer) = (s.master, s.issuer);
        let relayer = aux.relayer;
        let chain = ds_devnet::DEFAULT_CHAIN_ID;
        let hsm = Signer::new("relayer issuer hsm");
        s.must(
            master,
            s.trust,
            &ITrust::setRoleCall {
                target: hsm.address(),
                role: role::ISSUER,
            },
        );
        let wallet = s.new_investor("tr-1", "US", &[attribute::KYC_APPROVED]);
        let token = s.token();
        let data = IDSToken::issueTokensCall {
            to: wallet,
            value: u(100),
        }
        .abi_encode();
        let limit = s.net.block_number() + 10;
        let tx = signed(
            &hsm,
            chain,
            relayer,
            pre_approved(token, data.clone(), "tr-1", 0, limit),
        );
        // anyone submits it
        let submitter = s.wallet("anyone");
        let r = s.must(submitter, relayer, &tx);
        assert_eq!(s.balance(wallet), u(100));
        let executed = &r.events::<PreApprovedTransactionExecuted>()[0];
        assert_eq!(
            (
                executed.investorKey,
                executed.nonce,
                executed.signer,
                executed.destination
            ),
            (investor_key("tr-1"), u(0), hsm.address(), token)
        );
        assert_eq!(
            s.view(
                relayer,
                &ITransactionRelayer::nonceByInvestorCall {
                    investor_id: "tr-1".into()
                }
            ),
            u(1)
        );
        // replay
        assert_eq!(
            s.send(submitter, relayer, &tx)
                .revert_error::<InvalidNonce>(),
            Some(InvalidNonce {
                nonce: u(0),
                expected: u(1)
            })
        );
        // expired: the block limit is behind
        let old = signed(
            &hsm,
            chain,
            relayer,
            pre_approved(token, data.clone(), "tr-1", 1, 0),
        );
        assert_eq!(
            s.send(submitter, relayer, &old)
                .revert_error::<TransactionExpired>()
                .map(|e| e.blockLimit),
            Some(u(0))
        );
        // bound to the chain: a signature for another chain id recovers
        // another address, which holds no role
        let elsewhere = signed(
            &hsm,
            chain + 1,
            relayer,
            pre_approved(token, data.clone(), "tr-1", 1, limit),
        );
        let r = s.send(submitter, relayer, &elsewhere);
        let refused = r.revert_error::<SignerNotApprover>().expect("refused");
        assert_ne!(refused.signer, hsm.address());
        assert_eq!(refused.signerRole, role::NONE);
        // a tampered call (the signed one was 100 tokens)
        let mut tampered = signed(
            &hsm,
            chain,
            relayer,
            pre_approved(token, data, "tr-1", 1, limit),
        );
        tampered.tx_data.1 = IDSToken::issueTokensCall {
            to: wallet,
            value: u(1_000_000),
        }
        .abi_encode()
        .into();
        assert!(s
            .send(submitter, relayer, &tampered)
            .revert_error::<SignerNotApprover>()
            .is_some());
        // malleable s and a bad v
        let mut high_s = tampered.clone();
        let mut sig = high_s.signature.to_vec();
        sig[32] |= 0x80;
        high_s.signature = sig.into();
        assert!(s
            .send(submitter, relayer, &high_s)
            .revert_error::<ECDSAInvalidSignatureS>()
            .is_some());
        let mut bad_v = tampered.clone();
        let mut sig = bad_v.signature.to_vec();
        sig[64] = 29;
        bad_v.signature = sig.into();
        assert_eq!(
            s.send(submitter, relayer, &bad_v)
                .revert_error::<ECDSAInvalidSignature>(),
            Some(ECDSAInvalidSignature {})
        );
        assert_eq!(s.balance(wallet), u(100), "refusals ran nothing");
        // the master skips nonces forward (never back); the issuer may not
        let skip = ITransactionRelayer::setInvestorNonceCall {
            investor_id: "tr-1".into(),
            new_nonce: u(5),
        };
        assert_eq!(
            s.send(issuer, relayer, &skip)
                .revert_error::<UnauthorizedCaller>()
                .map(|e| e.caller),
            Some(issuer)
        );
        let r = s.must(master, relayer, &skip);
        let updated = &r.events::<InvestorNonceUpdated>()[0];
        assert_eq!(
            (updated.investorId.as_str(), updated.newNonce),
            ("tr-1", u(5))
        );
        assert_eq!(
            s.send(master, relayer, &skip)
                .revert_error::<NonceNotIncreased>(),
            Some(NonceNotIncreased {
                nonce: u(5),
                current: u(5)
            })
        );
    }

    #[test]
    fn an_exchange_approves_only_through_a_relayer_without_issuer_powers() {
        let (mut s, aux) = suite();
        let master = s.master;
        let relayer = aux.relayer;
        let chain = ds_devnet::DEFAULT_CHAIN_ID;
        let desk = Signer::new("relayer exchange desk");
        s.must(
            master,
            s.trust,
            &ITrust::setRoleCall {
                target: desk.address(),
                role: role::EXCHANGE,
            },
        );
        // an exchange registers investors (the Registry's exchange gate)
        let register = IRegistry::registerInvestorCall {
            id: "tr-new".into(),
            collision_hash: "hash".into(),
        }
        .abi_encode();
        let limit = s.net.block_number() + 10;
        let tx = signed(
            &desk,
            chain,
            relayer,
            pre_approved(s.registry, register, "tr-new", 0, limit),
        );
        // DS's set-up (the relayer is an ISSUER): an exchange would act as one
        let r = s.send(master, relayer, &tx);
        assert_eq!(
            r.revert_error::<SignerNotApprover>(),
            Some(SignerNotApprover {
                signer: desk.address(),
                signerRole: role::EXCHANGE,
                relayerRole: role::ISSUER
            })
        );
        // a relayer with the EXCHANGE role runs what an exchange may do
        s.must(master, s.trust, &ITrust::removeRoleCall { target: relayer });
        s.must(
            master,
            s.trust,
            &ITrust::setRoleCall {
                target: relayer,
                role: role::EXCHANGE,
            },
        );
        s.must(master, relayer, &tx);
        assert!(s.view(
            s.registry,
            &IRegistry::isInvestorCall {
                id: "tr-new".into()
            }
        ));
    }

    #[test]
    fn the_relayer_reports_its_ds_constants_and_eip712_domain() {
        let (mut s, aux) = suite();
        let relayer = aux.relayer;
        assert_eq!(
            s.view(relayer, &ITransactionRelayer::NAMECall {}),
            "TransactionRelayer"
        );
        assert_eq!(
            s.view(relayer, &ITransactionRelayer::CONTRACT_VERSIONCall {}),
            u(6)
        );
        assert_eq!(
            s.view(relayer, &ITransactionRelayer::TXTYPE_HASHCall {}),
            keccak256(
                "ExecutePreApprovedTransaction(address destination,bytes data,uint256 nonce,string senderInvestor,uint256 blockLimit)"
            )
        );
        let domain = s.view(relayer, &ITransactionRelayer::eip712DomainCall {});
        assert_eq!(domain._0.0, [0x0f]);
        assert_eq!(
            (domain._1.as_str(), domain._2.as_str()),
            ("TransactionRelayer", "6")
        );
        assert_eq!(
            (domain._3, domain._4),
            (u(ds_devnet::DEFAULT_CHAIN_ID), relayer)
        );
    }

    #[test]
    fn the_rebasing_multiplier_is_the_issuers_and_converts_as_ds() {
        let (mut s, aux) = suite();
        let (issuer, exchange) = (s.issuer, s.exchange);
        let p = aux.rebasing;
        let one = U256::from(REBASING_ONE);
        assert_eq!(s.view(p, &IRebasingProvider::multiplierCall {}), one);
        assert_eq!(
            s.view(p, &IRebasingProvider::tokenDecimalsCall {}),
            ds_e2e::TOKEN_DECIMALS
        );
        let three = one * u(3);
        let r = s.must(
            issuer,
            p,
            &IRebasingProvider::setMultiplierCall { multiplier: three },
        );
        let event = &r.events::<RebasingRateUpdated>()[0];
        assert_eq!((event.oldValue, event.newValue), (one, three));
        // a 0-decimals token: 1 token is a third of a share (18 decimals),
        // and back to 1 token (nearest)
        let shares = s.view(
            p,
            &IRebasingProvider::convertTokensToSharesCall { tokens: u(1) },
        );
        assert_eq!(shares, U256::from(333_333_333_333_333_333u64));
        assert_eq!(
            s.view(p, &IRebasingProvider::convertSharesToTokensCall { shares }),
            u(1)
        );
        let r = s.send(
            exchange,
            p,
            &IRebasingProvider::setMultiplierCall { multiplier: one },
        );
        assert_eq!(
            r.revert_error::<UnauthorizedCaller>().map(|e| e.caller),
            Some(exchange)
        );
        assert_eq!(
            s.send(
                issuer,
                p,
                &IRebasingProvider::setMultiplierCall {
                    multiplier: U256::ZERO
                }
            )
            .revert_error::<InvalidMultiplier>(),
            Some(InvalidMultiplier {
                providedMultiplier: U256::ZERO
            })
        );
        assert_eq!(s.view(p, &IRebasingProvider::multiplierCall {}), three);
    }
}
