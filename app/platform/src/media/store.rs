use super::kind::{sniff, Kind};
use super::thumbnail::THUMBNAIL;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::{int, Db};
use crate::indexes::{index, CollectionIndexes};
use crate::jobs::Enqueue;
use crate::state::AppState;
use app_core::error::AppError;
use axum::body::Bytes;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime, Document};
use mongodb::Collection;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// What is stored, one document per file.
pub const FILES: &str = "media_files";

const MB: u64 = 1024 * 1024;

/// One stored file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct File {
    /// `<workspace id>/<content hash>.<ext>`: also its address under `/media/`.
    #[serde(rename = "_id")]
    pub key: String,
    /// Owner.
    pub workspace_id: String,
    /// MIME type, from the bytes.
    pub content_type: String,
    /// Size.
    pub bytes: i64,
    /// Pixels across, for images.
    pub width: Option<u32>,
    /// Pixels down, for images.
    pub height: Option<u32>,
    /// The key of its thumbnail, once made (images larger than the thumbnail box only).
    #[serde(default)]
    pub thumbnail: Option<String>,
    /// Upload time.
    pub created_at: DateTime,
}

impl File {
    /// Where browsers get it.
    pub fn url(&self) -> String {
        format!("/media/{}", self.key)
    }
}

/// Typed files.
pub fn files(db: &Db) -> Collection<File> {
    db.collection(FILES)
}

/// The files' index: a workspace's files, for its storage use.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![CollectionIndexes {
        collection: FILES,
        indexes: vec![index(doc! { "workspace_id": 1 }, "workspace", false)],
    }]
}

/// The object store and what the app knows of it.
#[derive(Clone)]
pub struct Media {
    store: Arc<dyn ObjectStore>,
    /// Where files are really served from, when a CDN is in front.
    pub cdn_url: Option<String>,
    /// `filesystem` or `s3`, for logs and the admin.
    pub backend: &'static str,
    db: Db,
    clock: Clock,
}

impl std::fmt::Debug for Media {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Media")
            .field("backend", &self.backend)
            .finish()
    }
}

impl Media {
    /// The store `config` names: S3 when `MEDIA_S3_BUCKET` is set, else the `MEDIA_DIR` folder.
    pub fn from_config(config: &Config, db: &Db, clock: &Clock) -> Result<Self, String> {
        let m = &config.media;
        let (store, backend): (Arc<dyn ObjectStore>, _) = match &m.s3 {
            Some(s3) => {
                // The S3 client's TLS has no provider of its own (see Cargo.toml); an error
                // means one is installed already.
                let _ = rustls::crypto::ring::default_provider().install_default();
                let mut b = object_store::aws::AmazonS3Builder::new()
                    .with_bucket_name(&s3.bucket)
                    .with_region(&s3.region)
                    .with_access_key_id(&s3.access_key_id)
                    .with_secret_access_key(s3.secret_access_key.expose());
                if let Some(endpoint) = &s3.endpoint {
                    b = b
                        .with_endpoint(endpoint)
                        .with_allow_http(endpoint.starts_with("http://"));
                }
                let store = b.build().map_err(|e| format!("MEDIA_S3_*: {e}"))?;
                (Arc::new(store), "s3")
            }
            None => {
                std::fs::create_dir_all(&m.dir).map_err(|e| format!("MEDIA_DIR {}: {e}", m.dir))?;
                let store = object_store::local::LocalFileSystem::new_with_prefix(&m.dir)
                    .map_err(|e| format!("MEDIA_DIR {}: {e}", m.dir))?;
                (Arc::new(store), "filesystem")
            }
        };
        Ok(Media {
            store,
            cdn_url: m.cdn_url.clone(),
            backend,
            db: db.clone(),
            clock: clock.clone(),
        })
    }

    /// Bytes of `workspace_id`'s files.
    pub async fn bytes_used(&self, workspace_id: &str) -> Result<u64, AppError> {
        let rows: Vec<Document> = files(&self.db)
            .aggregate(vec![
                doc! { "$match": { "workspace_id": workspace_id } },
                doc! { "$group": { "_id": null, "n": { "$sum": "$bytes" } } },
            ])
            .await?
            .try_collect()
            .await?;
        let n = rows.first().and_then(|r| int(r, "n")).unwrap_or(0);
        Ok(n.max(0) as u64)
    }

    /// Checks and stores an image of `workspace_id`: at most `max_bytes`, a PNG, JPEG, WebP or
    /// GIF by its bytes, readable, and within the plan's storage. The same image twice is one
    /// file. Refusals are validation errors on `field`.
    pub async fn put_image(
        &self,
        state: &AppState,
        workspace_id: &str,
        field: &str,
        bytes: Bytes,
        max_bytes: usize,
    ) -> Result<File, AppError> {
        if bytes.is_empty() {
            return Err(AppError::invalid(field, "Choose a file."));
        }
        if bytes.len() > max_bytes {
            let max = match max_bytes as u64 {
                m if m >= MB => format!("{} MB", m / MB),
                m => format!("{} KB", m / 1024),
            };
            return Err(AppError::invalid(
                field,
                format!("Choose an image under {max}."),
            ));
        }
        let Some(kind) = sniff(&bytes) else {
            return Err(AppError::invalid(
                field,
                "Choose a PNG, JPEG, WebP or GIF image.",
            ));
        };
        let (width, height) = dimensions(&bytes, kind)
            .ok_or_else(|| AppError::invalid(field, "This image could not be read."))?;
        let hash = app_core::ids::hex(&Sha256::digest(&bytes)[..16]);
        let key = format!("{workspace_id}/{hash}.{}", kind.extension());
        if let Some(same) = files(&self.db).find_one(doc! { "_id": &key }).await? {
            return Ok(same);
        }
        if let Some(rules) = state.plan_rules() {
            // Refused when the total after this upload would pass the plan's megabytes.
            let after = self.bytes_used(workspace_id).await? + bytes.len() as u64;
            rules
                .check_limit(state, workspace_id, "storage_mb", after.div_ceil(MB) - 1)
                .await?;
        }
        let file = File {
            key: key.clone(),
            workspace_id: workspace_id.to_owned(),
            content_type: kind.content_type().to_owned(),
            bytes: bytes.len() as i64,
            width: Some(width),
            height: Some(height),
            thumbnail: None,
            created_at: self.clock.now(),
        };
        // The object first: a record never points at nothing.
        self.put_raw(&key, bytes.to_vec()).await?;
        match files(&self.db)
            .insert_one(&file)
            .await
            .map_err(AppError::from)
        {
            Ok(_) | Err(AppError::Conflict { .. }) => {}
            Err(e) => return Err(e),
        }
        let thumbnail = format!("thumbnail:{key}");
        let options = Enqueue {
            key: Some(&thumbnail),
            run_at: None,
        };
        let payload = doc! { "key": &key };
        if let Err(e) = state.jobs.enqueue(THUMBNAIL.name, payload, options).await {
            tracing::warn!(error = %e, key, "thumbnail not queued");
        }
        Ok(file)
    }

    /// Stores `bytes` at `key` as they are (for derived files such as thumbnails).
    pub async fn put_raw(&self, key: &str, bytes: Vec<u8>) -> Result<(), AppError> {
        self.store
            .put(&Path::from(key), bytes.into())
            .await
            .map_err(|e| {
                tracing::error!(error = %e, backend = self.backend, "media not stored");
                AppError::Unavailable {
                    service: "File storage".into(),
                }
            })?;
        Ok(())
    }

    /// The bytes and type of `key`, if stored.
    pub async fn get(&self, key: &str) -> Result<Option<(Bytes, Kind)>, AppError> {
        let Some(kind) = Kind::of_key(key) else {
            return Ok(None);
        };
        let Ok(path) = Path::parse(key) else {
            return Ok(None);
        };
        match self.store.get(&path).await {
            Ok(found) => match found.bytes().await {
                Ok(b) => Ok(Some((b, kind))),
                Err(e) => Err(unavailable(e)),
            },
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(unavailable(e)),
        }
    }

    /// Deletes `key` when `owner` (a workspace filter from its scope) owns it.
    pub async fn delete(&self, owner: Document, key: &str) -> Result<(), AppError> {
        let mut filter = owner;
        filter.insert("_id", key);
        let Some(file) = files(&self.db).find_one_and_delete(filter).await? else {
            return Ok(());
        };
        for key in std::iter::once(key).chain(file.thumbnail.as_deref()) {
            if let Err(e) = self.store.delete(&Path::from(key)).await {
                tracing::warn!(error = %e, key, "media record deleted but not its object");
            }
        }
        Ok(())
    }

    /// The megabytes `workspace_id` uses, for its plan's `storage_mb`.
    pub async fn megabytes_used(&self, workspace_id: &str) -> Result<u64, AppError> {
        Ok(self.bytes_used(workspace_id).await?.div_ceil(MB))
    }
}

fn unavailable(e: object_store::Error) -> AppError {
    tracing::error!(error = %e, "media not readable");
    AppError::Unavailable {
        service: "File storage".into(),
    }
}

/// An image's size in pixels, read from its header without decoding it.
fn dimensions(bytes: &[u8], kind: Kind) -> Option<(u32, u32)> {
    image::ImageReader::with_format(std::io::Cursor::new(bytes), kind.format())
        .into_dimensions()
        .ok()
}
