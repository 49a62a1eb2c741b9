//! `GET /api/health`: whether this instance can reach its database, for a load balancer's
//! health check. It says nothing more (no version, no settings).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde_json::json;

use crate::error::ApiError;
use crate::state::AppState;

pub async fn health(State(state): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    let reached = match state.0.db.acquire().await {
        Ok(mut connection) => sqlx::query("SELECT 1").execute(&mut *connection).await.map_err(ApiError::from),
        Err(error) => Err(error),
    };
    match reached {
        Ok(_) => Ok(Json(json!({ "status": "ok" }))),
        Err(error) => {
            tracing::warn!(?error, "health check: the database cannot be reached");
            Err(ApiError::Status(StatusCode::SERVICE_UNAVAILABLE))
        }
    }
}
