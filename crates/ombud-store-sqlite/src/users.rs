//! Accounts, sessions, API tokens and sign-in throttling.

use async_trait::async_trait;
use ombud_core::audit::{Actor, Change};
use ombud_core::user::{Email, User};
use ombud_store::{
    ApiToken, LoginThrottle, NewUser, SessionStore, StoreError, StoreResult, TokenStore, UserStore,
    UserUpdate,
};
use time::OffsetDateTime;

use crate::audit::append;
use crate::{SqliteStore, db_err};
use ombud_store::rows::UserRow;

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

impl SqliteStore {
    async fn insert_user(
        &self,
        actor: &Actor,
        u: NewUser,
        only_if_first: bool,
    ) -> StoreResult<User> {
        let mut tx = self.write().await?;
        if only_if_first {
            let n = sqlx::query_scalar!(r#"SELECT COUNT(*) AS "n!: i64" FROM users"#)
                .fetch_one(&mut *tx)
                .await
                .map_err(db_err)?;
            if n > 0 {
                return Err(StoreError::Conflict("an account already exists".into()));
            }
        }
        let at = now();
        let (email, role) = (u.email.as_str(), u.role.as_str());
        let row = sqlx::query_as!(
            UserRow,
            r#"INSERT INTO users (email, display_name, role, unit, password_hash, active, created_at, updated_at)
               VALUES ($1, $2, $3, $4, $5, TRUE, $6, $6)
               RETURNING id AS "id!", email, display_name, role, unit, active AS "active: bool",
                         created_at AS "created_at: OffsetDateTime""#,
            email,
            u.display_name,
            role,
            u.unit,
            u.password_hash,
            at,
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(db_err)?;
        let user = User::try_from(row)?;
        append(
            &mut tx,
            Change::new(actor, "user.create", "user", user.id).after(&user),
        )
        .await?;
        tx.commit().await.map_err(db_err)?;
        Ok(user)
    }
}

#[async_trait]
impl UserStore for SqliteStore {
    async fn count_users(&self) -> StoreResult<i64> {
        sqlx::query_scalar!(r#"SELECT COUNT(*) AS "n!: i64" FROM users"#)
            .fetch_one(&self.pool)
            .await
            .map_err(db_err)
    }

    async fn create_user(&self, actor: &Actor, user: NewUser) -> StoreResult<User> {
        self.insert_user(actor, user, false).await
    }

    async fn create_first_user(&self, actor: &Actor, user: NewUser) -> StoreResult<User> {
        self.insert_user(actor, user, true).await
    }

    async fn user_by_id(&self, id: i64) -> StoreResult<Option<User>> {
        sqlx::query_as!(
            UserRow,
            r#"SELECT id AS "id!", email, display_name, role, unit, active AS "active: bool",
                      created_at AS "created_at: OffsetDateTime"
               FROM users WHERE id = $1"#,
            id
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(db_err)?
        .map(User::try_from)
        .transpose()
    }

    async fn user_by_email(&self, email: &Email) -> StoreResult<Option<User>> {
        Ok(self.user_credentials(email).await?.map(|(u, _)| u))
    }

    async fn user_credentials(&self, email: &Email) -> StoreResult<Option<(User, String)>> {
        let email = email.as_str();
        let Some(r) = sqlx::query!(
            r#"SELECT id AS "id!", email, display_name, role, unit, active AS "active: bool",
                      created_at AS "created_at: OffsetDateTime", password_hash
               FROM users WHERE email = $1"#,
            email
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(db_err)?
        else {
            return Ok(None);
        };
        let user = User::try_from(UserRow {
            id: r.id,
            email: r.email,
            display_name: r.display_name,
            role: r.role,
            unit: r.unit,
            active: r.active,
            created_at: r.created_at,
        })?;
        Ok(Some((user, r.password_hash)))
    }

    async fn list_users(&self) -> StoreResult<Vec<User>> {
        sqlx::query_as!(
            UserRow,
            r#"SELECT id AS "id!", email, display_name, role, unit, active AS "active: bool",
                      created_at AS "created_at: OffsetDateTime"
               FROM users ORDER BY email"#
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(User::try_from)
        .collect()
    }

    async fn update_user(&self, actor: &Actor, id: i64, up: UserUpdate) -> StoreResult<User> {
        let mut tx = self.write().await?;
        let before = sqlx::query_as!(
            UserRow,
            r#"SELECT id AS "id!", email, display_name, role, unit, active AS "active: bool",
                      created_at AS "created_at: OffsetDateTime"
               FROM users WHERE id = $1"#,
            id
        )
        .fetch_optional(&mut *tx)
        .await
        .map_err(db_err)?
        .ok_or(StoreError::NotFound)?;
        let before = User::try_from(before)?;
        let (at, role) = (now(), up.role.as_str());
        let after = sqlx::query_as!(
            UserRow,
            r#"UPDATE users SET display_name = $2, role = $3, unit = $4, active = $5, updated_at = $6
               WHERE id = $1
               RETURNING id AS "id!", email, display_name, role, unit, active AS "active: bool",
                         created_at AS "created_at: OffsetDateTime""#,
            id,
            up.display_name,
            role,
            up.unit,
            up.active,
            at,
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(db_err)?;
        let after = User::try_from(after)?;
        if !after.active {
            sqlx::query!("DELETE FROM sessions WHERE user_id = $1", id)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
        }
        append(
            &mut tx,
            Change::new(actor, "user.update", "user", id)
                .before(&before)
                .after(&after),
        )
        .await?;
        tx.commit().await.map_err(db_err)?;
        Ok(after)
    }

    async fn set_password(&self, actor: &Actor, id: i64, password_hash: &str) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let at = now();
        let done = sqlx::query!(
            "UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1",
            id,
            password_hash,
            at
        )
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query!("DELETE FROM sessions WHERE user_id = $1", id)
            .execute(&mut *tx)
            .await
            .map_err(db_err)?;
        append(&mut tx, Change::new(actor, "user.password", "user", id)).await?;
        tx.commit().await.map_err(db_err)
    }
}

#[async_trait]
impl SessionStore for SqliteStore {
    async fn create_session(
        &self,
        id_hash: &str,
        user_id: i64,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        let at = now();
        let expires_at = expires_at.to_offset(time::UtcOffset::UTC);
        sqlx::query!(
            "INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
            id_hash,
            user_id,
            at,
            expires_at
        )
        .execute(&self.pool)
        .await
        .map_err(db_err)?;
        Ok(())
    }

    async fn session_user(&self, id_hash: &str, now: OffsetDateTime) -> StoreResult<Option<User>> {
        let now = now.to_offset(time::UtcOffset::UTC);
        sqlx::query_as!(
            UserRow,
            r#"SELECT u.id AS "id!", u.email, u.display_name, u.role, u.unit, u.active AS "active: bool",
                      u.created_at AS "created_at: OffsetDateTime"
               FROM sessions s JOIN users u ON u.id = s.user_id
               WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.active"#,
            id_hash,
            now
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(db_err)?
        .map(User::try_from)
        .transpose()
    }

    async fn delete_session(&self, id_hash: &str) -> StoreResult<()> {
        sqlx::query!("DELETE FROM sessions WHERE id_hash = $1", id_hash)
            .execute(&self.pool)
            .await
            .map_err(db_err)?;
        Ok(())
    }

    async fn delete_user_sessions(&self, user_id: i64) -> StoreResult<()> {
        sqlx::query!("DELETE FROM sessions WHERE user_id = $1", user_id)
            .execute(&self.pool)
            .await
            .map_err(db_err)?;
        Ok(())
    }

    async fn delete_expired_sessions(&self, now: OffsetDateTime) -> StoreResult<u64> {
        let now = now.to_offset(time::UtcOffset::UTC);
        let r = sqlx::query!("DELETE FROM sessions WHERE expires_at <= $1", now)
            .execute(&self.pool)
            .await
            .map_err(db_err)?;
        Ok(r.rows_affected())
    }
}

#[async_trait]
impl TokenStore for SqliteStore {
    async fn create_token(
        &self,
        actor: &Actor,
        user_id: i64,
        token_hash: &str,
        label: &str,
    ) -> StoreResult<ApiToken> {
        let mut tx = self.write().await?;
        let at = now();
        let r = sqlx::query!(
            r#"INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES ($1, $2, $3, $4)
               RETURNING id AS "id!""#,
            user_id,
            token_hash,
            label,
            at
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| match db_err(e) {
            StoreError::Backend(_) => StoreError::NotFound,
            other => other,
        })?;
        let token = ApiToken {
            id: r.id,
            user_id,
            label: label.to_owned(),
            created_at: at,
        };
        append(
            &mut tx,
            Change::new(actor, "token.create", "api_token", token.id)
                .after(serde_json::json!({"id": token.id, "user_id": user_id, "label": label})),
        )
        .await?;
        tx.commit().await.map_err(db_err)?;
        Ok(token)
    }

    async fn token_user(&self, token_hash: &str) -> StoreResult<Option<User>> {
        sqlx::query_as!(
            UserRow,
            r#"SELECT u.id AS "id!", u.email, u.display_name, u.role, u.unit, u.active AS "active: bool",
                      u.created_at AS "created_at: OffsetDateTime"
               FROM api_tokens t JOIN users u ON u.id = t.user_id
               WHERE t.token_hash = $1 AND u.active"#,
            token_hash
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(db_err)?
        .map(User::try_from)
        .transpose()
    }
}

#[async_trait]
impl LoginThrottle for SqliteStore {
    async fn record_login_failure(&self, key: &str, at: OffsetDateTime) -> StoreResult<()> {
        let at = at.to_offset(time::UtcOffset::UTC);
        sqlx::query!(
            "INSERT INTO login_failures (key, at) VALUES ($1, $2)",
            key,
            at
        )
        .execute(&self.pool)
        .await
        .map_err(db_err)?;
        Ok(())
    }

    async fn count_login_failures(&self, key: &str, since: OffsetDateTime) -> StoreResult<i64> {
        let since = since.to_offset(time::UtcOffset::UTC);
        sqlx::query_scalar!(
            r#"SELECT COUNT(*) AS "n!: i64" FROM login_failures WHERE key = $1 AND at >= $2"#,
            key,
            since
        )
        .fetch_one(&self.pool)
        .await
        .map_err(db_err)
    }

    async fn clear_login_failures(&self, key: &str) -> StoreResult<()> {
        sqlx::query!("DELETE FROM login_failures WHERE key = $1", key)
            .execute(&self.pool)
            .await
            .map_err(db_err)?;
        Ok(())
    }

    async fn forget_login_failures_before(&self, before: OffsetDateTime) -> StoreResult<u64> {
        let before = before.to_offset(time::UtcOffset::UTC);
        let done = sqlx::query!("DELETE FROM login_failures WHERE at < $1", before)
            .execute(&self.pool)
            .await
            .map_err(db_err)?;
        Ok(done.rows_affected())
    }
}
