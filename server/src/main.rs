use app::platform::{indexes, AppState, Config};
use std::process::ExitCode;

// glibc's malloc took a fifth of the server's time under `make bench`, much of it waiting on
// arena locks when a buffer allocated on one worker thread is freed on another (README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("healthcheck") {
        return server::probe::healthcheck();
    }
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("mewayz: cannot start: {e}");
            return ExitCode::from(2);
        }
    };
    server::telemetry::init(config.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("mewayz: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("mewayz: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> Result<(), String> {
    let leptos = leptos::config::get_configuration(None).map_err(|e| e.to_string())?;
    let mut options = leptos.leptos_options;
    // Our builds always hash asset names (Cargo.toml: hash-files). Follow the build's hash file
    // even when LEPTOS_HASH_FILES is not set, as when the binary is run outside cargo-leptos.
    if !options.hash_files && hash_file_beside_binary(&options) {
        options.hash_files = true;
    }
    let addr = options.site_addr;
    let grace = config.shutdown_grace;
    let state = AppState::new(config, options, server::modules()).await?;
    // Listen first: liveness must answer while the database is still unreachable.
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    tracing::info!("listening on http://{addr}");
    let db = state.db.clone();
    let specs = indexes::of(&state.modules);
    tokio::spawn(async move {
        indexes::ensure_until_ready(db.clone(), specs).await;
        // Data every deployment needs, created once.
        if let Err(e) = app::billing::service::plans::ensure_free_plan(&db).await {
            tracing::error!(error = %e, "could not create the free plan");
        }
    });
    let served =
        server::shutdown::run_app(state, listener, server::shutdown::signal(), grace).await;
    served.map_err(|e| e.to_string())?;
    tracing::info!("stopped");
    Ok(())
}

fn hash_file_beside_binary(options: &leptos::config::LeptosOptions) -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
        .is_some_and(|path| path.exists())
}
