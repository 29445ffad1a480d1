//! From a checked combination to the AWS SDK's MediaPackage values, and back (feature
//! `aws-sdk`).
//!
//! The values are those of the crate `aws-sdk-mediapackage` (re-exported as [`sdk`]), whose
//! origin endpoints package live streams. Going forward, the combinations of one endpoint
//! (one per DRM system) become:
//! - a [`SpekeKeyProvider`](sdk::types::SpekeKeyProvider) naming the DRM systems by the
//!   system IDs of the vocabulary data ([`speke_key_provider`]), with for SPEKE v2 the
//!   encryption contract of typed [`Presets`];
//! - the endpoint type's encryption struct ([`encryption`]), with key rotation only where the
//!   combinations ask for it and the encryption method their DRM systems need.
//!
//! A combination the matrix does not support is refused with the explanation that
//! [`Combination::check`](crate::Combination::check) and the macro give, and so are settings
//! that AWS would refuse when the request is sent. Going back, [`identify`] reads which
//! combinations an SDK value configures, for configurations that arrive at run time.
//!
//! ```
//! use speke_matrix::aws::{self, sdk, EncryptionOptions, KeyProvider};
//! use speke_matrix::{speke_supported, Combination};
//!
//! const WIDEVINE: Combination = speke_supported!(v1, live, dash, widevine, key_rotation);
//!
//! let key_provider = KeyProvider::new(
//!     "live-event-42",
//!     "arn:aws:iam::111122223333:role/SpekeAccess",
//!     "https://keys.example.com/speke/v1.0/copyProtection",
//! );
//! let encryption = aws::encryption(&[WIDEVINE], &key_provider, &EncryptionOptions::default())?
//!     .into_dash()?;
//! let package = sdk::types::DashPackage::builder().encryption(encryption).build();
//!
//! let found = aws::identify(&package)?;
//! assert_eq!(found.combinations().collect::<Vec<_>>(), [WIDEVINE]);
//! # Ok::<(), aws::Error>(())
//! ```

mod encryption;
mod error;
mod key_provider;
mod method;
mod presets;
mod protection;
mod reverse;
mod terms;

/// The AWS SDK crate whose values this module builds, so that callers use the same version.
pub use aws_sdk_mediapackage as sdk;

pub use encryption::{encryption, Encryption, EncryptionOptions, AWS_DEFAULT_KEY_ROTATION_SECONDS};
pub use error::Error;
pub use key_provider::{speke_key_provider, KeyProvider};
pub use method::EncryptionScheme;
pub use presets::{AudioPreset, Presets, VideoPreset};
pub use protection::Protection;
pub use reverse::{identify, EncryptionValue};
