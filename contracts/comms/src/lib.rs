//! DS Comms service: notices from the issuer (and the DS apps it authorised)
//! to the investors of one issuance, acknowledged on-chain.
//!
//! - A notice has a category (`ids::notice_category`), the hash of an
//!   off-chain document (required) and its URI (at most 256 bytes), an
//!   optional target (`ids::notice_target`: every investor of the issuance,
//!   one investor key, or one country) and an optional deadline.
//! - MASTER and ISSUER (per the Trust service) publish and revoke any notice;
//!   an authorised DS app (Trust `isAuthorizedApp`) publishes, and revokes
//!   the notices it published while it is still authorised.
//! - An investor acknowledges from any of its wallets: the wallet is resolved
//!   to its investor through the Registry (`getParty`), acknowledgements are
//!   recorded and counted per investor, and a targeted notice is
//!   acknowledged only by its investor or the investors of its country.
//!   Revoked notices and notices past their deadline are not acknowledged.
//! - "All holders" means every registered investor of the issuance; balances
//!   are not consulted (there are no token snapshots).
//! - Every change emits an event; every refusal is a typed error and writes
//!   nothing. Listings are paginated (`limit` at most 50).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

mod access;
pub mod notice;

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, B256, U256, U64};
use ds_common::{
    consumer::ServiceRegistry,
    errors::{
        AlreadyAcknowledged, NotNoticeTarget, NoticeExpired, NoticeIsRevoked, NoticeNotFound,
        PageTooLarge,
    },
    ids::comms_limits,
    DSError,
};
use stylus_sdk::{prelude::*, storage::StorageMap, storage::StorageU64};

use access::Publisher;
use notice::{Notice, NoticeInput};

ds_common::events_sol!();

/// The Comms service contract.
#[storage]
#[entrypoint]
pub struct CommsService {
    /// Where the other DS services live.
    services: ServiceRegistry,
    /// Number of notices published; ids run from 1 to this count.
    notice_count: StorageU64,
    /// Notices by id.
    notices: StorageMap<U256, Notice>,
}

/// Everything `getNotice` returns.
type NoticeView = (Address, u8, B256, String, u8, B256, u64, u64, bool, U256);

#[public]
impl CommsService {
    /// Binds the contract to the Trust service that holds the roles.
    #[constructor]
    pub fn constructor(&mut self, trust: Address) -> Result<(), DSError> {
        self.services.init_trust(trust)
    }

    /// Registers the address of DS service `serviceId` (master, per Trust).
    #[selector(name = "setDSService")]
    pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
        self.services.set_by_master(service_id, service)
    }

    /// The address registered for DS service `serviceId` (zero when none).
    #[selector(name = "getDSService")]
    pub fn get_ds_service(&self, service_id: U256) -> Address {
        self.services.get(service_id)
    }

    /// The DS constant getters (`TRUST_SERVICE()`, `ROLE_MASTER()`, …,
    /// `getImplementationAddress()`, `getInitializedVersion()`; see
    /// `ds_common::constants`); any other selector reverts with
    /// `UnknownSelector`.
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> stylus_sdk::ArbResult {
        ds_common::constants::serve(
            calldata,
            ds_common::constants::CONSUMER,
            self.vm().contract_address(),
        )
    }

    /// Publishes a notice and returns its id (master, issuer or an
    /// authorised DS app). `target` is zero for all holders, an investor key
    /// (`keccak256(investorId)`) or left-aligned country letters
    /// (`bytes32("US")`); `deadline` is 0 or a future timestamp.
    pub fn publish_notice(
        &mut self,
        category: u8,
        content_hash: B256,
        uri: String,
        target_kind: u8,
        target: B256,
        deadline: u64,
    ) -> Result<U256, DSError> {
        let sender = self.vm().msg_sender();
        access::publisher(&self.services, sender)?;
        let input = NoticeInput {
            category,
            content_hash,
            uri: &uri,
            target_kind,
            target,
            deadline,
        };
        let now = self.vm().block_timestamp();
        input.check(now)?;
        let id = self.notice_count.get().to::<u64>() + 1;
        self.notice_count.set(U64::from(id));
        let id = U256::from(id);
        input.store(&mut self.notices.setter(id), sender, now);
        self.vm().log(DSCommsServiceNoticePublished {
            noticeId: id,
            publisher: sender,
            target,
            category,
            contentHash: content_hash,
            uri,
            targetKind: target_kind,
            deadline,
        });
        Ok(id)
    }

    /// Revokes notice `noticeId` (master or issuer; an authorised app only
    /// its own notices).
    pub fn revoke_notice(&mut self, notice_id: U256) -> Result<bool, DSError> {
        let sender = self.vm().msg_sender();
        let publisher = self.require_notice(notice_id)?.publisher.get();
        match access::publisher(&self.services, sender)? {
            Publisher::Admin => {}
            Publisher::App(_) if publisher == sender => {}
            Publisher::App(role) => return Err(DSError::unauthorized(sender, role)),
        }
        if self.notices.getter(notice_id).revoked.get() {
            return Err(DSError::NoticeIsRevoked(NoticeIsRevoked {
                noticeId: notice_id,
            }));
        }
        self.notices.setter(notice_id).revoked.set(true);
        self.vm().log(DSCommsServiceNoticeRevoked {
            noticeId: notice_id,
            sender,
        });
        Ok(true)
    }

    /// Acknowledges notice `noticeId` for the investor of the calling wallet.
    pub fn acknowledge_notice(&mut self, notice_id: U256) -> Result<bool, DSError> {
        let wallet = self.vm().msg_sender();
        let now = self.vm().block_timestamp();
        self.require_open(notice_id, now)?;
        let (investor_key, info) = access::investor_of(&self.services, wallet)?;
        let notice = self.notices.getter(notice_id);
        if !notice::addresses(
            notice.target_kind.get().to(),
            notice.target.get(),
            investor_key,
            &info,
        ) {
            return Err(DSError::NotNoticeTarget(NotNoticeTarget {
                noticeId: notice_id,
                wallet,
            }));
        }
        if notice.acknowledged_at.get(investor_key) != U64::ZERO {
            return Err(DSError::AlreadyAcknowledged(AlreadyAcknowledged {
                noticeId: notice_id,
                investorKey: investor_key,
            }));
        }
        let count = notice.acknowledgements.get();
        drop(notice);
        let mut notice = self.notices.setter(notice_id);
        // A zero time would read as "not acknowledged".
        notice
            .acknowledged_at
            .insert(investor_key, U64::from(now.max(1)));
        notice.acknowledgements.set(count + U64::from(1));
        drop(notice);
        self.vm().log(DSCommsServiceNoticeAcknowledged {
            noticeId: notice_id,
            investorKey: investor_key,
            wallet,
        });
        Ok(true)
    }

    /// Number of notices published (ids run from 1 to this count).
    pub fn notice_count(&self) -> U256 {
        U256::from(self.notice_count.get())
    }

    /// Publisher, category, content hash, URI, target kind, target,
    /// publication time, deadline, revoked flag and acknowledgement count of
    /// notice `noticeId`.
    pub fn get_notice(&self, notice_id: U256) -> Result<NoticeView, DSError> {
        let n = self.require_notice(notice_id)?;
        Ok((
            n.publisher.get(),
            n.category.get().to(),
            n.content_hash.get(),
            n.uri.get_string(),
            n.target_kind.get().to(),
            n.target.get(),
            n.published_at.get().to(),
            n.deadline.get().to(),
            n.revoked.get(),
            U256::from(n.acknowledgements.get()),
        ))
    }

    /// Ids of the issuance's notices from position `offset` (0-based, in
    /// publication order), at most `limit` (≤ 50) of them, revoked included.
    pub fn get_notices(&self, offset: U256, limit: U256) -> Result<Vec<U256>, DSError> {
        let (start, end) = self.page(offset, limit)?;
        Ok((start + 1..=end).map(U256::from).collect())
    }

    /// Among the notices at positions `offset` .. `offset + limit` (limit ≤
    /// 50), the ids of those addressed to the investor of `wallet` that it
    /// can still acknowledge (not revoked, not past their deadline, not yet
    /// acknowledged), and the offset of the next page.
    pub fn get_unacknowledged_notices(
        &self,
        wallet: Address,
        offset: U256,
        limit: U256,
    ) -> Result<(Vec<U256>, U256), DSError> {
        let (start, end) = self.page(offset, limit)?;
        let (investor_key, info) = access::investor_of(&self.services, wallet)?;
        let now = self.vm().block_timestamp();
        let mut ids = Vec::new();
        for id in (start + 1..=end).map(U256::from) {
            let n = self.notices.getter(id);
            let deadline: u64 = n.deadline.get().to();
            let open = !n.revoked.get() && (deadline == 0 || now <= deadline);
            if open
                && n.acknowledged_at.get(investor_key) == U64::ZERO
                && notice::addresses(
                    n.target_kind.get().to(),
                    n.target.get(),
                    investor_key,
                    &info,
                )
            {
                ids.push(id);
            }
        }
        Ok((ids, U256::from(end)))
    }

    /// When investor `investorKey` acknowledged notice `noticeId` (0 = not).
    pub fn acknowledged_at(&self, notice_id: U256, investor_key: B256) -> u64 {
        self.notices
            .getter(notice_id)
            .acknowledged_at
            .get(investor_key)
            .to()
    }
}

impl CommsService {
    /// Notice `id`, or [`NoticeNotFound`].
    fn require_notice(
        &self,
        id: U256,
    ) -> Result<stylus_sdk::storage::StorageGuard<'_, Notice>, DSError> {
        if id.is_zero() || id > U256::from(self.notice_count.get()) {
            return Err(DSError::NoticeNotFound(NoticeNotFound { noticeId: id }));
        }
        Ok(self.notices.getter(id))
    }

    /// Refuses unless notice `id` exists, is not revoked and not past its deadline.
    fn require_open(&self, id: U256, now: u64) -> Result<(), DSError> {
        let notice = self.require_notice(id)?;
        if notice.revoked.get() {
            return Err(DSError::NoticeIsRevoked(NoticeIsRevoked { noticeId: id }));
        }
        let deadline: u64 = notice.deadline.get().to();
        if deadline != 0 && now > deadline {
            return Err(DSError::NoticeExpired(NoticeExpired {
                noticeId: id,
                deadline,
            }));
        }
        Ok(())
    }

    /// Positions `start..end` of a page, or [`PageTooLarge`].
    fn page(&self, offset: U256, limit: U256) -> Result<(u64, u64), DSError> {
        let max = U256::from(comms_limits::MAX_PAGE);
        if limit > max {
            return Err(DSError::PageTooLarge(PageTooLarge { limit, max }));
        }
        let count: u64 = self.notice_count.get().to();
        let start = if offset >= U256::from(count) {
            count
        } else {
            offset.to::<u64>()
        };
        // limit ≤ 50 and start ≤ count, so this cannot overflow.
        let end = (start + limit.to::<u64>()).min(count);
        Ok((start, end))
    }
}

#[cfg(test)]
mod tests;
