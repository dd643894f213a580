use std::rc::Rc;

/// A shared value compared by identity, for a memo's or an effect's dependencies: comparing the
/// contents of a view or a document would walk all of it on every render, and a value derived
/// again (a file read, a minute passed) is a new `Rc`.
pub struct Same<T>(pub Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(Rc::clone(&self.0))
    }
}
