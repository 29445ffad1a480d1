//! SPEKE v2's encryption contract: which audio and video presets split the content keys, with
//! AWS's rules on them kept in the types where they can be, and checked where they cannot.

use std::fmt;

use aws_sdk_mediapackage::types::{
    EncryptionContractConfiguration, PresetSpeke20Audio, PresetSpeke20Video,
};

use crate::aws::Error;

/// How the audio tracks are keyed, when audio and video do not share one key.
///
/// `SHARED` is not here: AWS accepts it for both audio and video or for neither, so it is
/// [`Presets::Shared`] instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AudioPreset {
    /// `PRESET-AUDIO-1`: one key for every audio track.
    Preset1,
    /// `PRESET-AUDIO-2`: one key for stereo tracks, another for multichannel tracks.
    Preset2,
    /// `PRESET-AUDIO-3`: one key for stereo tracks, one for 3 to 6 channels, one for more
    /// than 6.
    Preset3,
    /// `UNENCRYPTED`: audio is not encrypted.
    Unencrypted,
}

/// How the video tracks are keyed, when audio and video do not share one key.
///
/// `PRESET-VIDEO-2` to `PRESET-VIDEO-8` split the video tracks into key groups by resolution
/// (SD, HD, HD1/HD2, UHD, UHD1/UHD2), each in the grouping AWS's preset table gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VideoPreset {
    /// `PRESET-VIDEO-1`: one key for every video track.
    Preset1,
    /// `PRESET-VIDEO-2`.
    Preset2,
    /// `PRESET-VIDEO-3`.
    Preset3,
    /// `PRESET-VIDEO-4`.
    Preset4,
    /// `PRESET-VIDEO-5`.
    Preset5,
    /// `PRESET-VIDEO-6`.
    Preset6,
    /// `PRESET-VIDEO-7`.
    Preset7,
    /// `PRESET-VIDEO-8`.
    Preset8,
    /// `UNENCRYPTED`: video is not encrypted.
    Unencrypted,
}

/// The presets of a SPEKE v2 encryption contract.
///
/// AWS's rules: `SHARED` goes with `SHARED` (the two variants make any other pairing
/// impossible), and audio and video cannot both be `UNENCRYPTED`, which [`Presets::split`]
/// and every conversion to the SDK refuse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Presets {
    /// `SHARED` for both: one key for all audio and video tracks, as in SPEKE v1.
    Shared,
    /// Audio and video keyed by their own presets.
    Split {
        /// How the key server splits the audio tracks among keys, or leaves audio
        /// unencrypted.
        audio: AudioPreset,
        /// How the key server splits the video tracks among keys by resolution, or leaves
        /// video unencrypted.
        video: VideoPreset,
    },
}

impl AudioPreset {
    /// Every audio preset, in AWS's order.
    pub const ALL: [AudioPreset; 4] = [
        AudioPreset::Preset1,
        AudioPreset::Preset2,
        AudioPreset::Preset3,
        AudioPreset::Unencrypted,
    ];

    /// The SDK's value.
    pub fn to_sdk(self) -> PresetSpeke20Audio {
        match self {
            AudioPreset::Preset1 => PresetSpeke20Audio::PresetAudio1,
            AudioPreset::Preset2 => PresetSpeke20Audio::PresetAudio2,
            AudioPreset::Preset3 => PresetSpeke20Audio::PresetAudio3,
            AudioPreset::Unencrypted => PresetSpeke20Audio::Unencrypted,
        }
    }

    /// The name as MediaPackage's API spells it, such as `PRESET-AUDIO-1`.
    pub fn as_str(self) -> &'static str {
        match self {
            AudioPreset::Preset1 => "PRESET-AUDIO-1",
            AudioPreset::Preset2 => "PRESET-AUDIO-2",
            AudioPreset::Preset3 => "PRESET-AUDIO-3",
            AudioPreset::Unencrypted => "UNENCRYPTED",
        }
    }
}

impl VideoPreset {
    /// Every video preset, in AWS's order.
    pub const ALL: [VideoPreset; 9] = [
        VideoPreset::Preset1,
        VideoPreset::Preset2,
        VideoPreset::Preset3,
        VideoPreset::Preset4,
        VideoPreset::Preset5,
        VideoPreset::Preset6,
        VideoPreset::Preset7,
        VideoPreset::Preset8,
        VideoPreset::Unencrypted,
    ];

    /// The SDK's value.
    pub fn to_sdk(self) -> PresetSpeke20Video {
        match self {
            VideoPreset::Preset1 => PresetSpeke20Video::PresetVideo1,
            VideoPreset::Preset2 => PresetSpeke20Video::PresetVideo2,
            VideoPreset::Preset3 => PresetSpeke20Video::PresetVideo3,
            VideoPreset::Preset4 => PresetSpeke20Video::PresetVideo4,
            VideoPreset::Preset5 => PresetSpeke20Video::PresetVideo5,
            VideoPreset::Preset6 => PresetSpeke20Video::PresetVideo6,
            VideoPreset::Preset7 => PresetSpeke20Video::PresetVideo7,
            VideoPreset::Preset8 => PresetSpeke20Video::PresetVideo8,
            VideoPreset::Unencrypted => PresetSpeke20Video::Unencrypted,
        }
    }

    /// The name as MediaPackage's API spells it, such as `PRESET-VIDEO-1`.
    pub fn as_str(self) -> &'static str {
        match self {
            VideoPreset::Preset1 => "PRESET-VIDEO-1",
            VideoPreset::Preset2 => "PRESET-VIDEO-2",
            VideoPreset::Preset3 => "PRESET-VIDEO-3",
            VideoPreset::Preset4 => "PRESET-VIDEO-4",
            VideoPreset::Preset5 => "PRESET-VIDEO-5",
            VideoPreset::Preset6 => "PRESET-VIDEO-6",
            VideoPreset::Preset7 => "PRESET-VIDEO-7",
            VideoPreset::Preset8 => "PRESET-VIDEO-8",
            VideoPreset::Unencrypted => "UNENCRYPTED",
        }
    }
}

impl Presets {
    /// Audio and video keyed by their own presets, unless both are unencrypted, which AWS
    /// refuses because nothing would be encrypted.
    pub fn split(audio: AudioPreset, video: VideoPreset) -> Result<Presets, Error> {
        Presets::Split { audio, video }.checked()
    }

    /// The presets, or the error AWS would answer them with.
    pub fn checked(self) -> Result<Presets, Error> {
        match self {
            Presets::Split {
                audio: AudioPreset::Unencrypted,
                video: VideoPreset::Unencrypted,
            } => Err(Error::BothUnencrypted),
            presets => Ok(presets),
        }
    }

    /// The audio and video presets as MediaPackage's API spells them.
    pub fn as_strs(self) -> (&'static str, &'static str) {
        match self {
            Presets::Shared => ("SHARED", "SHARED"),
            Presets::Split { audio, video } => (audio.as_str(), video.as_str()),
        }
    }

    /// The SDK's encryption contract, once the presets are checked.
    pub fn to_contract(self) -> Result<EncryptionContractConfiguration, Error> {
        let (audio, video) = match self.checked()? {
            Presets::Shared => (PresetSpeke20Audio::Shared, PresetSpeke20Video::Shared),
            Presets::Split { audio, video } => (audio.to_sdk(), video.to_sdk()),
        };
        Ok(EncryptionContractConfiguration::builder()
            .preset_speke20_audio(audio)
            .preset_speke20_video(video)
            .build())
    }

    /// The presets of an SDK encryption contract, refusing what AWS refuses: a missing preset,
    /// `SHARED` beside anything else, both `UNENCRYPTED`, or a value this SDK version does not
    /// know.
    pub fn from_contract(contract: &EncryptionContractConfiguration) -> Result<Presets, Error> {
        let audio = contract.preset_speke20_audio();
        let video = contract.preset_speke20_video();
        let invalid = |reason: &'static str| Error::InvalidPresets {
            audio: audio.map(|p| p.as_str().to_owned()),
            video: video.map(|p| p.as_str().to_owned()),
            reason,
        };
        let (Some(audio), Some(video)) = (audio, video) else {
            return Err(invalid("a contract names both an audio and a video preset"));
        };
        match (audio, video) {
            (PresetSpeke20Audio::Shared, PresetSpeke20Video::Shared) => Ok(Presets::Shared),
            (PresetSpeke20Audio::Shared, _) | (_, PresetSpeke20Video::Shared) => Err(invalid(
                "SHARED is set for both audio and video or for neither",
            )),
            (audio, video) => {
                let audio = AudioPreset::ALL
                    .into_iter()
                    .find(|p| p.to_sdk() == *audio)
                    .ok_or_else(|| invalid("the audio preset is not one AWS documents"))?;
                let video = VideoPreset::ALL
                    .into_iter()
                    .find(|p| p.to_sdk() == *video)
                    .ok_or_else(|| invalid("the video preset is not one AWS documents"))?;
                Presets::split(audio, video)
            }
        }
    }
}

/// `PRESET-AUDIO-1 / PRESET-VIDEO-3`, or `SHARED`.
impl fmt::Display for Presets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Presets::Shared => f.write_str("SHARED"),
            Presets::Split { audio, video } => {
                write!(f, "{} / {}", audio.as_str(), video.as_str())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_spelling_matches_the_sdk_wire_spelling() {
        for preset in AudioPreset::ALL {
            assert_eq!(preset.as_str(), preset.to_sdk().as_str());
        }
        for preset in VideoPreset::ALL {
            assert_eq!(preset.as_str(), preset.to_sdk().as_str());
        }
    }

    #[test]
    fn every_sdk_preset_but_shared_has_a_typed_preset() {
        let audio: Vec<&str> = AudioPreset::ALL.iter().map(|p| p.as_str()).collect();
        let video: Vec<&str> = VideoPreset::ALL.iter().map(|p| p.as_str()).collect();
        for wire in PresetSpeke20Audio::values() {
            assert!(*wire == "SHARED" || audio.contains(wire), "{wire}");
        }
        for wire in PresetSpeke20Video::values() {
            assert!(*wire == "SHARED" || video.contains(wire), "{wire}");
        }
    }
}
