//! The wasm module's allocator: the allocations of a call bumped out of one arena, which starts
//! over whenever nothing in it is alive; the standard allocator (dlmalloc) behind it for what
//! does not fit.
//!
//! Every export reads its text, builds values, writes its answer and frees everything before it
//! returns, so between calls the arena is empty and the next call starts at its beginning: an
//! allocation is a pointer bump, a free a counter decrement. The arena never starts over while
//! anything in it is alive (a count, not a call boundary, decides), so nothing is overwritten
//! whatever outlives a call; what does not fit (a body of megabytes) comes from dlmalloc and
//! goes back to it. The module is single-threaded (no wasm threads), so the state needs no lock.
//!
//! The crate's only `unsafe` code: an allocator cannot be written without it.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;

/// The arena's size. `validate` on the fixture bodies allocates 5.9 KB at the median, 77 KB at the
/// 99th percentile and 241 KB at most (a body of 25 KB), counted by a build that recorded it.
const ARENA_BYTES: usize = 256 * 1024;

/// The allocator installed in the wasm module.
pub struct Arena {
    state: UnsafeCell<State>,
}

/// Where the arena is and what of it is in use.
struct State {
    /// The arena's first byte (0 until the first allocation reserves it).
    start: usize,
    /// One past its last byte.
    end: usize,
    /// The next free byte.
    top: usize,
    /// The start of the newest allocation, which a free or a resize can give back or grow in
    /// place (0 when there is none).
    newest: usize,
    /// How many allocations in the arena are alive.
    live: usize,
}

// The wasm module runs on one thread: nothing shares the state.
unsafe impl Sync for Arena {}

impl Arena {
    /// An arena not yet reserved.
    pub const fn new() -> Self {
        Self {
            state: UnsafeCell::new(State {
                start: 0,
                end: 0,
                top: 0,
                newest: 0,
                live: 0,
            }),
        }
    }
}

impl Default for Arena {
    fn default() -> Self {
        Self::new()
    }
}

impl State {
    /// True when `ptr` was handed out by the arena.
    fn holds(&self, ptr: *mut u8) -> bool {
        (self.start..self.end).contains(&(ptr as usize))
    }

    /// A block of `layout` from the arena, or `None` when it does not fit.
    unsafe fn bump(&mut self, layout: Layout) -> Option<*mut u8> {
        if self.start == 0 {
            let reserved = unsafe { System.alloc(Layout::from_size_align(ARENA_BYTES, 16).ok()?) };
            if reserved.is_null() {
                return None;
            }
            self.start = reserved as usize;
            self.end = self.start + ARENA_BYTES;
            self.top = self.start;
        }
        let at = self.top.checked_add(layout.align() - 1)? & !(layout.align() - 1);
        let after = at.checked_add(layout.size())?;
        if after > self.end {
            return None;
        }
        self.top = after;
        self.newest = at;
        self.live += 1;
        Some(at as *mut u8)
    }

    /// Gives an arena block back: the arena starts over when it was the last one alive.
    fn release(&mut self, ptr: *mut u8) {
        self.live -= 1;
        if self.live == 0 {
            self.top = self.start;
            self.newest = 0;
        } else if ptr as usize == self.newest {
            self.top = self.newest;
            self.newest = 0;
        }
    }
}

unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let state = unsafe { &mut *self.state.get() };
        match unsafe { state.bump(layout) } {
            Some(ptr) => ptr,
            None => unsafe { System.alloc(layout) },
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let state = unsafe { &mut *self.state.get() };
        if state.holds(ptr) {
            state.release(ptr);
        } else {
            unsafe { System.dealloc(ptr, layout) };
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let state = unsafe { &mut *self.state.get() };
        if !state.holds(ptr) {
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        // The newest block grows or shrinks where it is while the arena has room.
        if ptr as usize == state.newest {
            if let Some(after) = state.newest.checked_add(new_size) {
                if after <= state.end {
                    state.top = after;
                    return ptr;
                }
            }
        }
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return std::ptr::null_mut();
        };
        let moved = unsafe { self.alloc(new_layout) };
        if !moved.is_null() {
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        moved
    }
}
