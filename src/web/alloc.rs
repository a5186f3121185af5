//! The npm package's global allocator (feature `small-alloc`, which
//! scripts/build.sh turns on; a Rust app that embeds the crate keeps its own
//! allocator). dlmalloc, std's default, was 2 KB of the module's gzip; this
//! is a few hundred bytes.
//!
//! Segregated free lists: every block is a power of two of at least 8 bytes
//! (at least its alignment), aligned to its own size (at most a page). A
//! freed block goes on the list of its size and is the next one handed out
//! for that size; fresh blocks are cut from the end of the heap, which grows
//! by whole pages. `dealloc` is given the layout, so blocks need no header.
//! Memory is never returned to the host (wasm cannot shrink it), but it is
//! reused: what the heap holds is bounded by twice the peak of what was live
//! in each size at once, however long the page runs.

use std::alloc::Layout;

const PAGE: usize = 65536;

/// The size class of a layout: the log2 of its block size.
fn class(layout: Layout) -> usize {
    let size = layout.size().max(layout.align()).max(8);
    (usize::BITS - (size - 1).leading_zeros()) as usize
}

/// The heap: the free list heads (one per class, 0 when empty) and the part
/// not yet handed out, `next..end`. Memory comes from `grow(pages)`, which
/// returns the address where the new pages start, or `None`.
pub(crate) struct Heap {
    free: [usize; 64],
    next: usize,
    end: usize,
}

impl Heap {
    pub(crate) const fn new(next: usize, end: usize) -> Self {
        Heap { free: [0; 64], next, end }
    }

    /// # Safety
    /// The heap must own `next..end`, and every block on a free list.
    pub(crate) unsafe fn alloc(&mut self, layout: Layout, grow: impl Fn(usize) -> Option<usize>) -> *mut u8 {
        let c = class(layout);
        let head = self.free[c];
        if head != 0 {
            self.free[c] = *(head as *const usize);
            return head as *mut u8;
        }
        let size = 1usize << c;
        let align = size.min(PAGE);
        loop {
            let start = (self.next + (align - 1)) & !(align - 1);
            match start.checked_add(size) {
                Some(end) if end <= self.end && start >= self.next => {
                    self.next = end;
                    return start as *mut u8;
                }
                _ => {}
            }
            // Pages are contiguous (nothing else grows the memory); if they
            // were not, the heap would go on from the new pages.
            let Some(at) = grow(size.div_ceil(PAGE)) else { return std::ptr::null_mut() };
            if at != self.end {
                self.next = at;
            }
            self.end = at + size.div_ceil(PAGE) * PAGE;
        }
    }

    /// # Safety
    /// `ptr` must come from `alloc` with this `layout`.
    pub(crate) unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        let c = class(layout);
        *(ptr as *mut usize) = self.free[c];
        self.free[c] = ptr as usize;
    }

    /// # Safety
    /// As `dealloc`; `new_size` with the layout's alignment must be a valid layout.
    pub(crate) unsafe fn realloc(&mut self, ptr: *mut u8, layout: Layout, new_size: usize, grow: impl Fn(usize) -> Option<usize>) -> *mut u8 {
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        if class(new) == class(layout) {
            return ptr;
        }
        let to = self.alloc(new, grow);
        if !to.is_null() {
            std::ptr::copy_nonoverlapping(ptr, to, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        to
    }
}

#[cfg(all(target_arch = "wasm32", feature = "small-alloc"))]
mod global {
    use super::*;
    use std::alloc::GlobalAlloc;
    use std::arch::wasm32::{memory_grow, memory_size};
    use std::cell::UnsafeCell;

    struct Global(UnsafeCell<Heap>);

    // wasm32 without threads: one thread touches the heap.
    unsafe impl Sync for Global {}

    extern "C" {
        /// Where wasm-ld puts the heap: after the stack and the data.
        static __heap_base: u8;
    }

    fn grow(pages: usize) -> Option<usize> {
        let old = memory_grow(0, pages);
        (old != usize::MAX).then(|| old * PAGE)
    }

    impl Global {
        #[allow(clippy::mut_from_ref)]
        unsafe fn heap(&self) -> &mut Heap {
            let heap = &mut *self.0.get();
            if heap.end == 0 {
                heap.next = std::ptr::addr_of!(__heap_base) as usize;
                heap.end = memory_size(0) * PAGE;
            }
            heap
        }
    }

    unsafe impl GlobalAlloc for Global {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            self.heap().alloc(layout, grow)
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            self.heap().dealloc(ptr, layout)
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            self.heap().realloc(ptr, layout, new_size, grow)
        }
    }

    #[global_allocator]
    static ALLOCATOR: Global = Global(UnsafeCell::new(Heap::new(0, 0)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::{Cell, RefCell};

    /// A fake linear memory: pages from a big host buffer, handed out in order.
    struct Memory {
        buf: RefCell<Vec<u64>>,
        pages: Cell<usize>,
    }

    impl Memory {
        fn new(max_pages: usize) -> Self {
            Memory { buf: RefCell::new(vec![0u64; (max_pages + 1) * PAGE / 8]), pages: Cell::new(0) }
        }
        /// The page-aligned base of the buffer.
        fn base(&self) -> usize {
            let p = self.buf.borrow().as_ptr() as usize;
            (p + PAGE - 1) & !(PAGE - 1)
        }
        fn grow(&self, max_pages: usize) -> impl Fn(usize) -> Option<usize> + '_ {
            move |n| {
                let old = self.pages.get();
                (old + n <= max_pages).then(|| {
                    self.pages.set(old + n);
                    self.base() + old * PAGE
                })
            }
        }
    }

    fn l(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn classes_are_powers_of_two_of_at_least_eight_and_the_alignment() {
        assert_eq!(class(l(0, 1)), 3);
        assert_eq!(class(l(8, 1)), 3);
        assert_eq!(class(l(9, 1)), 4);
        assert_eq!(class(l(4, 32)), 5);
        assert_eq!(class(l(1 << 20, 8)), 20);
        assert_eq!(class(l((1 << 20) + 1, 8)), 21);
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_reused_after_free() {
        let mem = Memory::new(64);
        let mut heap = Heap::new(mem.base() + 100, mem.base());
        unsafe {
            let mut got = Vec::new();
            for (i, size) in [1usize, 24, 7, 4096, 3, 100_000, 16].into_iter().enumerate() {
                let layout = l(size, if i == 2 { 64 } else { 8 });
                let p = heap.alloc(layout, mem.grow(64));
                assert!(!p.is_null());
                assert_eq!(p as usize % layout.align(), 0);
                assert!(p as usize >= mem.base() + 100);
                std::ptr::write_bytes(p, i as u8, size);
                got.push((p, layout));
            }
            for (i, (p, layout)) in got.iter().enumerate() {
                assert!(std::slice::from_raw_parts(*p, layout.size()).iter().all(|&b| b == i as u8), "block {i} was overwritten");
            }
            let (p, layout) = got[1];
            heap.dealloc(p, layout);
            assert_eq!(heap.alloc(l(30, 8), mem.grow(64)), p);
        }
    }

    #[test]
    fn realloc_keeps_the_block_within_its_class_and_moves_the_bytes_otherwise() {
        let mem = Memory::new(64);
        let mut heap = Heap::new(mem.base(), mem.base());
        unsafe {
            let p = heap.alloc(l(20, 1), mem.grow(64));
            std::ptr::copy_nonoverlapping(b"abcdefghijklmnopqrst".as_ptr(), p, 20);
            assert_eq!(heap.realloc(p, l(20, 1), 32, mem.grow(64)), p);
            let q = heap.realloc(p, l(32, 1), 3000, mem.grow(64));
            assert_ne!(q, p);
            assert_eq!(std::slice::from_raw_parts(q, 20), b"abcdefghijklmnopqrst");
            let r = heap.realloc(q, l(3000, 1), 5, mem.grow(64));
            assert_eq!(std::slice::from_raw_parts(r, 5), b"abcde");
            // The 32-byte block went back on its list.
            assert_eq!(heap.alloc(l(32, 1), mem.grow(64)), p);
        }
    }

    #[test]
    fn out_of_memory_is_null_not_a_crash() {
        let mem = Memory::new(2);
        let mut heap = Heap::new(mem.base(), mem.base());
        unsafe {
            assert!(heap.alloc(l(3 * PAGE, 8), mem.grow(2)).is_null());
            assert!(!heap.alloc(l(PAGE, 8), mem.grow(2)).is_null());
        }
    }

    #[test]
    fn a_long_churn_of_mixed_sizes_stays_within_a_bounded_heap() {
        // What a long-running page does: strings of every size, freed and
        // made again, reallocated as they grow. The heap stops growing.
        let mem = Memory::new(256);
        let mut heap = Heap::new(mem.base(), mem.base());
        let mut seed = 12345u32;
        let mut rand = move |n: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 8) % n
        };
        let mut live: Vec<(*mut u8, Layout)> = Vec::new();
        let mut pages_after_warmup = 0;
        unsafe {
            for round in 0..200_000 {
                if live.len() < 200 && rand(2) == 0 {
                    let bits = 1 + rand(14);
                    let layout = l(1 + rand(1 << bits) as usize, 1 << rand(4));
                    let p = heap.alloc(layout, mem.grow(256));
                    assert!(!p.is_null());
                    live.push((p, layout));
                } else if !live.is_empty() {
                    let i = rand(live.len() as u32) as usize;
                    let (p, layout) = live.swap_remove(i);
                    if rand(3) == 0 {
                        let bits = 1 + rand(14);
                        let size = 1 + rand(1 << bits) as usize;
                        let q = heap.realloc(p, layout, size, mem.grow(256));
                        live.push((q, l(size, layout.align())));
                    } else {
                        heap.dealloc(p, layout);
                    }
                }
                if round == 50_000 {
                    pages_after_warmup = mem.pages.get();
                }
            }
        }
        assert!(mem.pages.get() <= pages_after_warmup + 8, "{} pages after warm-up, {} at the end", pages_after_warmup, mem.pages.get());
    }
}
