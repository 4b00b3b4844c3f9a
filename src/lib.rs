//! privacybeleid: writes the privacy policy of a Dutch webshop.
//!
//! `engine` turns an answers file into a policy and knows nothing of terminals;
//! `cli` and `wizard` are two front ends on it.

pub mod answers_file;
pub mod atomic;
pub mod cli;
pub mod consult;
pub mod engine;
pub mod wizard;

// Rendering allocates many small values (Tera contexts); mimalloc halves that cost.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Freed memory goes back to the system at once instead of after a second (mimalloc's
/// default). For the wizard, a long session with two threads: the preview thread's freed
/// pages otherwise stay counted beside the loop's, about 4 MB with every provider ticked.
pub fn return_freed_memory_at_once() {
    extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    /// `mi_option_purge_delay` in mimalloc 3's mimalloc.h (libmimalloc-sys 0.1.49).
    const PURGE_DELAY: std::ffi::c_int = 15;
    // SAFETY: sets one of mimalloc's options; any thread, any time.
    unsafe { mi_option_set(PURGE_DELAY, 0) }
}
