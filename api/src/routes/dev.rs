//! `GET /api/dev/outbox`: the mail the development server "sent", so a person trying the site
//! can read their code. Only routed in development mode.

use axum::extract::State;
use axum::Json;

use crate::error::ApiError;
use crate::mail::{self, Mail};
use crate::state::AppState;

pub async fn outbox(State(state): State<AppState>) -> Result<Json<Vec<Mail>>, ApiError> {
    Ok(Json(mail::list(&mut *state.0.db.acquire().await?).await?))
}
