//! What the page had to mend in the address it was opened with, in one
//! short list the reader can dismiss.

use crate::i18n::Messages;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Notices`].
#[derive(Properties, PartialEq, Clone)]
pub struct NoticesProps {
    /// Sentences to show, already translated.
    pub notices: Rc<Vec<String>>,
}

/// A dismissable list of notices; nothing when there are none.
/// `dismissed` comes from the page's `use_state(|| false)`.
pub fn notices(
    props: &NoticesProps,
    messages: &Messages,
    dismissed: &UseStateHandle<bool>,
) -> Html {
    let dismissed = dismissed.clone();
    if props.notices.is_empty() || *dismissed {
        return html! {};
    }
    let on_dismiss = {
        let dismissed = dismissed.clone();
        Callback::from(move |_: MouseEvent| dismissed.set(true))
    };
    html! {
        <div id="notices" class="notices" role="status">
            <p class="notices-heading">{ messages.tr("app-notices-heading") }</p>
            <ul>
                { for props.notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
            </ul>
            <button type="button" id="notices-dismiss" onclick={on_dismiss}>{ messages.tr("app-notices-dismiss") }</button>
        </div>
    }
}
