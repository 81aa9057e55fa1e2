package org.qiqing.organisation.internal;

import java.util.Collection;
import java.util.List;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The security principal: an {@link Actor} with its password hash for the login form.
 */
record ActorDetails(Actor actor, String passwordHash, boolean enabled) implements UserDetails {

	private static final long serialVersionUID = 1L;

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = this.actor.roles()
			.stream()
			.map(Role::authority)
			.map(SimpleGrantedAuthority::new)
			.map(GrantedAuthority.class::cast)
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.actor.username();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

}
