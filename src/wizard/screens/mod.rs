//! The screens, one file each, and the one list that registers them. Wizard steps appear
//! in the sidebar in the order they are listed here.

pub mod about;
pub mod clients;
pub mod custom_provider;
pub mod export;
pub mod form;
pub mod policy;
pub mod providers;
pub mod review;
pub mod shop;
pub mod start;

use super::model::Model;
use super::screen::{Kind, Screen};
use crate::engine::Section;

/// Every screen: pages and, in order, the wizard's steps.
pub fn all(m: &Model) -> Vec<Box<dyn Screen>> {
    let mut v: Vec<Box<dyn Screen>> = vec![Box::new(shop::Shop::default())];
    v.extend(
        Section::ALL
            .iter()
            .map(|s| Box::new(providers::Providers::new(*s)) as Box<dyn Screen>),
    );
    v.push(Box::new(policy::Policy::default()));
    v.push(Box::new(review::Review::default()));
    v.push(Box::new(export::Export::default()));
    v.push(Box::new(clients::Clients::default()));
    v.push(Box::new(about::About::default()));
    // The start screen offers the pages that have a menu entry.
    let menu = v
        .iter()
        .filter(|s| s.kind() == Kind::Page)
        .filter_map(|s| s.menu().map(|l| (s.id(), l)))
        .collect();
    v.insert(0, Box::new(start::Start::new(m, menu)));
    v
}
