/ip firewall nat
add chain=srcnat action=masquerade out-interface=ether1 comment="uplink
add chain=srcnat action=accept
